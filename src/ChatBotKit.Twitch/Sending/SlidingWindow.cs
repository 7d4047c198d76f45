namespace ChatBotKit.Twitch.Sending;

/// <summary>Remembers when things happened within a window, to count them against a limit. Not thread-safe.</summary>
internal sealed class SlidingWindow(TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _times = new();

    public int CountAt(DateTimeOffset now)
    {
        while (_times.Count > 0 && now - _times.Peek() >= window)
        {
            _times.Dequeue();
        }

        return _times.Count;
    }

    /// <summary>How long until fewer than <paramref name="limit"/> remain in the window (zero when already so).</summary>
    public TimeSpan DelayUntilBelow(int limit, DateTimeOffset now)
    {
        var count = CountAt(now);
        if (count < limit)
        {
            return TimeSpan.Zero;
        }

        // The (count - limit + 1)-th oldest must leave the window.
        var leaving = _times.ElementAt(count - limit);
        return leaving + window - now;
    }

    public void Add(DateTimeOffset now) => _times.Enqueue(now);
}
