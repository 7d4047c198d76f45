namespace ChatBotKit.RateLimiting;

/// <summary>
/// Decides whether the bot may reply now. Never throws: every outcome is a
/// <see cref="RateLimitDecision"/>. Checking and recording are separate so that a reply that
/// still needs confirming (the contextual trigger) only counts once it goes ahead.
/// </summary>
public interface IRateLimiter
{
    /// <summary>Whether <paramref name="request"/> may go ahead at <paramref name="now"/>; changes nothing.</summary>
    RateLimitDecision Evaluate(in RateLimitRequest request, DateTimeOffset now);

    /// <summary>Counts a reply that went ahead against every window and cooldown it falls under.</summary>
    void Record(in RateLimitRequest request, DateTimeOffset now);

    /// <summary>
    /// Gives back what <see cref="Record"/> counted at <paramref name="recordedAt"/> against the user,
    /// channel and global windows, for a reply that was never sent (filtered, failed, dropped).
    /// The trigger's cooldown stays. Does nothing by default.
    /// </summary>
    void Release(in RateLimitRequest request, DateTimeOffset recordedAt)
    {
    }
}
