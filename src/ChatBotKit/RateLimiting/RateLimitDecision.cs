namespace ChatBotKit.RateLimiting;

/// <summary>A rate limiter's answer: allowed, or blocked by <see cref="Reason"/> until <see cref="RetryAfter"/> has passed.</summary>
public readonly record struct RateLimitDecision(RateLimitReason Reason, TimeSpan RetryAfter)
{
    /// <summary>The reply may go out.</summary>
    public static RateLimitDecision Allowed => default;

    /// <summary>Whether the reply may go out.</summary>
    public bool IsAllowed => Reason == RateLimitReason.None;

    /// <inheritdoc />
    public override string ToString() =>
        IsAllowed ? "allowed" : $"{Reason} (retry in {RetryAfter.TotalSeconds:0.#} s)";
}
