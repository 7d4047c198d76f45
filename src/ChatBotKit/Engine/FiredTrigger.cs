using ChatBotKit.RateLimiting;
using ChatBotKit.Triggers;

namespace ChatBotKit.Engine;

/// <summary>A trigger that fired: the rate-limit request it was counted under and the reply's own randomness.</summary>
internal sealed record FiredTrigger(ITrigger Trigger, RateLimitRequest Request, Random Random);
