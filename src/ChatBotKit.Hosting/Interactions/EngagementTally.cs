namespace ChatBotKit.Hosting.Interactions;

/// <summary>
/// Replies whose engagement window closed since start and how many of them drew engagement, per bot
/// by trigger and by channel: what <c>chatbotkit.interactions</c> counts, kept for the dashboard.
/// </summary>
internal sealed class EngagementTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Bot, string Trigger), EngagementCount> _byTrigger = [];
    private readonly Dictionary<(string Bot, string Platform, string Channel), EngagementCount> _byChannel = [];

    /// <summary>Counts <paramref name="record"/>, whose window closed.</summary>
    public void Add(InteractionRecord record)
    {
        var engaged = record.Engagement.Engaged ? 1 : 0;
        lock (_gate)
        {
            var trigger = (record.Bot, record.Trigger ?? "none");
            _byTrigger[trigger] = _byTrigger.GetValueOrDefault(trigger).Plus(engaged);
            var channel = (record.Bot, record.Platform, record.Channel);
            _byChannel[channel] = _byChannel.GetValueOrDefault(channel).Plus(engaged);
        }
    }

    /// <summary>The bot's counts by trigger, most replies first.</summary>
    public IReadOnlyList<(string Trigger, EngagementCount Count)> ByTrigger(string bot)
    {
        lock (_gate)
        {
            return [.. _byTrigger.Where(p => p.Key.Bot == bot).Select(p => (p.Key.Trigger, p.Value)).OrderByDescending(p => p.Value.Replies).ThenBy(p => p.Trigger, StringComparer.Ordinal)];
        }
    }

    /// <summary>The bot's counts by channel, most replies first.</summary>
    public IReadOnlyList<(string Platform, string Channel, EngagementCount Count)> ByChannel(string bot)
    {
        lock (_gate)
        {
            return [.. _byChannel.Where(p => p.Key.Bot == bot).Select(p => (p.Key.Platform, p.Key.Channel, p.Value)).OrderByDescending(p => p.Value.Replies).ThenBy(p => p.Channel, StringComparer.Ordinal)];
        }
    }
}

/// <summary>Replies counted and how many of them drew engagement.</summary>
internal readonly record struct EngagementCount(long Replies, long Engaged)
{
    /// <summary>The share of replies that drew engagement, 0 to 1.</summary>
    public double Rate => Replies == 0 ? 0 : (double)Engaged / Replies;

    /// <summary>This count with one more reply.</summary>
    public EngagementCount Plus(int engaged) => new(Replies + 1, Engaged + engaged);
}
