using ChatBotKit.Events;

namespace ChatBotKit.RateLimiting;

/// <summary>A trigger wants to reply: who asked, where, and which trigger.</summary>
/// <param name="Platform">The channel's platform.</param>
/// <param name="Channel">The channel.</param>
/// <param name="UserId">The user who caused the reply, or <see langword="null"/> for events without one (timers, media changes).</param>
/// <param name="Roles">The user's roles.</param>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="Cooldown">The trigger's cooldown.</param>
/// <param name="WrittenByHandler">
/// The reply is a handler's answer to what a viewer asked (a command answered by code), not text the
/// language model writes: the minimum gap, which keeps the bot from talking too much, does not hold it.
/// </param>
public readonly record struct RateLimitRequest(
    ChatPlatform Platform,
    string Channel,
    string? UserId,
    ChatRoles Roles,
    string Trigger,
    TimeSpan Cooldown,
    bool WrittenByHandler = false);
