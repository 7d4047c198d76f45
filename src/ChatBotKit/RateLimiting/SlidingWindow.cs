namespace ChatBotKit.RateLimiting;

/// <summary>
/// When things happened within a moving time window, to pace them under a limit such as
/// "20 messages per 30 seconds": <see cref="DelayUntilBelow"/> says how long the next one must
/// wait. Connectors use it for a platform's send and join limits. Not thread-safe: callers lock.
/// </summary>
public sealed class SlidingWindow
{
    private readonly TimestampRing _times = new();
    private readonly int _capacity;

    /// <summary>Creates a window of <paramref name="length"/> that remembers up to <paramref name="capacity"/> times (the largest limit it will be asked about).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive, or <paramref name="capacity"/> is below 1.</exception>
    public SlidingWindow(TimeSpan length, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Length = length;
        _capacity = capacity;
    }

    /// <summary>How far back the window reaches.</summary>
    public TimeSpan Length { get; }

    /// <summary>How long from <paramref name="now"/> until fewer than <paramref name="limit"/> times are in the window; zero when already so.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1 or above the capacity.</exception>
    public TimeSpan DelayUntilBelow(int limit, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, _capacity);
        return _times.RetryAfter(limit, Length, now);
    }

    /// <summary>Records that one thing happened at <paramref name="time"/>.</summary>
    public void Add(DateTimeOffset time) => _times.Add(time, _capacity);
}
