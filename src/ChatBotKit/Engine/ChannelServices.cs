using ChatBotKit.RateLimiting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

/// <summary>
/// What a channel needs from the engine, and nothing more: the clock, the rate limiter, where
/// decisions go, the instruments, the count of work in progress, the logger, what is paused and the shutdown
/// signal. The LLM, the filters and the settings come with each <see cref="ActiveDefinition"/>.
/// </summary>
internal sealed record ChannelServices(
    TimeProvider Clock,
    IRateLimiter RateLimiter,
    DecisionReporter Decisions,
    ChatBotMetrics Metrics,
    PendingWork Work,
    ILogger Logger,
    int? RandomSeed,
    ChatBotPauses Pauses,
    CancellationToken Shutdown);
