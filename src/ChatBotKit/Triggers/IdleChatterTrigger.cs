using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>
/// Keeps a quiet stream alive: every <see cref="Interval"/> in each channel, if chat had at most
/// <see cref="MaxMessages"/> viewer messages since the last tick, the bot starts talking about the
/// next of its <see cref="Topics"/>. Its replies have <see cref="ReplyPriority.Idle"/>, so any
/// reply to chat interrupts them. The engine raises a <see cref="TimerElapsed"/> named after the
/// trigger per tick, once the channel has seen its first event.
/// </summary>
public sealed class IdleChatterTrigger : ChatTrigger
{
    /// <summary>The instruction used unless another is given; the topic follows it.</summary>
    public const string DefaultInstruction = "Chat has been quiet for a while. Start a light conversation about the topic below, in your own words, and invite chat to join in.";

    /// <summary>Creates the trigger; the topics take turns, one per tick.</summary>
    public IdleChatterTrigger(TimeSpan interval, params IEnumerable<string> topics)
    {
        Interval = interval;
        Topics = [.. topics];
        Instruction = DefaultInstruction;
        Priority = ReplyPriority.Idle;
    }

    /// <summary>How often the bot may start talking on its own.</summary>
    public TimeSpan Interval { get; }

    /// <summary>What the bot talks about, in turn.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>Viewer messages since the previous tick that still count as a quiet chat. Default 0.</summary>
    public int MaxMessages { get; init; }

    /// <inheritdoc />
    public override string Kind => "idle-chatter";

    /// <inheritdoc />
    public override TimeSpan? TimerInterval => Interval;

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) =>
        context.Event is TimerElapsed tick &&
        string.Equals(tick.Timer, Name, StringComparison.OrdinalIgnoreCase) &&
        tick.MessagesSinceLastTick <= MaxMessages;

    /// <summary>
    /// The topic for a tick at <paramref name="time"/>: the topics take turns with each interval of
    /// the clock, so consecutive ticks talk about consecutive topics, the same in every run.
    /// </summary>
    public string TopicAt(DateTimeOffset time) =>
        Topics[(int)(time.UtcTicks / Interval.Ticks % Topics.Count)];

    /// <inheritdoc />
    public override string? InstructionFor(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        var topic = "Topic: " + TopicAt(chatEvent.Timestamp);
        return string.IsNullOrWhiteSpace(Instruction) ? topic : Instruction + "\n" + topic;
    }

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (Interval < TimeSpan.FromSeconds(1))
        {
            throw new ChatBotConfigurationException($"{path}.Interval", $"must be at least one second (was {Interval})");
        }

        if (MaxMessages < 0)
        {
            throw new ChatBotConfigurationException($"{path}.MaxMessages", $"must not be negative (was {MaxMessages})");
        }

        if (Topics.Count == 0)
        {
            throw new ChatBotConfigurationException($"{path}.Topics", "needs at least one topic");
        }

        for (var i = 0; i < Topics.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Topics[i]))
            {
                throw new ChatBotConfigurationException($"{path}.Topics[{i}]", "must not be empty");
            }
        }
    }
}
