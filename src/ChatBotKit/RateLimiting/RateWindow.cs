namespace ChatBotKit.RateLimiting;

/// <summary>At most <paramref name="Limit"/> replies in any sliding <paramref name="Window"/>.</summary>
public readonly record struct RateWindow(int Limit, TimeSpan Window)
{
    /// <summary>At most <paramref name="limit"/> per minute.</summary>
    public static RateWindow PerMinute(int limit) => new(limit, TimeSpan.FromMinutes(1));

    /// <summary>At most <paramref name="limit"/> per hour.</summary>
    public static RateWindow PerHour(int limit) => new(limit, TimeSpan.FromHours(1));

    /// <inheritdoc />
    public override string ToString() => $"{Limit}/{Window}";
}
