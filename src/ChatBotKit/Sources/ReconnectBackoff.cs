namespace ChatBotKit.Sources;

/// <summary>
/// The one reconnect strategy of ChatBotKit's connectors: exponential backoff with jitter. Each
/// delay doubles from <c>min</c> up to <c>max</c> and is then spread over its upper half at
/// random, so many bots that lost the same server do not all come back at once.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private TimeSpan _base;

    /// <summary>Starts at <paramref name="min"/> (positive) and grows to at most <paramref name="max"/>.</summary>
    public ReconnectBackoff(TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        (_min, _max, _base) = (min, max, min);
    }

    /// <summary>The base of the next delay, before jitter.</summary>
    public TimeSpan Peek => _base;

    /// <summary>The next delay to wait; the one after it is twice as long, up to the maximum.</summary>
    public TimeSpan Next()
    {
        var current = _base;
        _base = TimeSpan.FromTicks(Math.Min(_max.Ticks, current.Ticks * 2));
        var jitter = (Random.Shared.NextDouble() * 0.5) + 0.5;
        return TimeSpan.FromTicks((long)(current.Ticks * jitter));
    }

    /// <summary>Starts again from the minimum, after a connection that worked.</summary>
    public void Reset() => _base = _min;
}
