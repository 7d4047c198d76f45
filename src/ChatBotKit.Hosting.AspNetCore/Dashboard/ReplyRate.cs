namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>Counts each channel's replies over the last minute, for the overview.</summary>
internal sealed class ReplyRate
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<(string Bot, string Platform, string Channel), Queue<DateTimeOffset>> _replies = [];

    /// <summary>Notes a reply sent at <paramref name="at"/>.</summary>
    public void Add(string bot, string platform, string channel, DateTimeOffset at)
    {
        lock (_replies)
        {
            if (!_replies.TryGetValue((bot, platform, channel), out var times))
            {
                _replies[(bot, platform, channel)] = times = new Queue<DateTimeOffset>();
            }

            times.Enqueue(at);
            Trim(times, at);
        }
    }

    /// <summary>Replies in the minute before <paramref name="now"/>.</summary>
    public int PerMinute(string bot, string platform, string channel, DateTimeOffset now)
    {
        lock (_replies)
        {
            if (!_replies.TryGetValue((bot, platform, channel), out var times))
            {
                return 0;
            }

            Trim(times, now);
            return times.Count;
        }
    }

    private static void Trim(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - Window)
        {
            times.Dequeue();
        }
    }
}
