namespace ChatBotKit.Twitch.Connection;

/// <summary>Exponential backoff with jitter: each delay doubles up to the maximum, then is spread over its upper half at random.</summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max)
{
    private TimeSpan _base = min;

    /// <summary>The base of the next delay (before jitter).</summary>
    public TimeSpan Peek => _base;

    public TimeSpan Next()
    {
        var current = _base;
        _base = TimeSpan.FromTicks(Math.Min(max.Ticks, current.Ticks * 2));
        var jitter = (Random.Shared.NextDouble() * 0.5) + 0.5;
        return TimeSpan.FromTicks((long)(current.Ticks * jitter));
    }
}
