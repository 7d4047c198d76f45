using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI;

/// <summary>
/// ChatBotKit's policies as <see cref="ChatClientBuilder"/> steps, beside Microsoft.Extensions.AI's
/// own (<c>UseLogging</c>, <c>UseOpenTelemetry</c>). Like theirs, they apply in the order written:
/// the first <c>Use…</c> is the outermost.
/// </summary>
public static class LlmPipelineExtensions
{
    /// <summary>Retries calls that failed with a transient <see cref="LlmException"/> (429, 5xx, unreachable, timeout), with backoff, jitter and the server's Retry-After; a stream only before its first update.</summary>
    public static ChatClientBuilder UseRetry(this ChatClientBuilder builder, RetryPolicyOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new RetryChatClient(inner, options, timeProvider));
    }

    /// <summary>Fails a call (a stream as a whole) that takes longer than <paramref name="timeout"/> (default 30 s) with kind <see cref="LlmFailureKind.Timeout"/>.</summary>
    public static ChatClientBuilder UseTimeout(this ChatClientBuilder builder, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new TimeoutChatClient(inner, timeout, timeProvider));
    }

    /// <summary>Lets at most <paramref name="maxConcurrentCalls"/> calls through at once; the rest wait in order.</summary>
    public static ChatClientBuilder UseConcurrencyLimit(this ChatClientBuilder builder, int maxConcurrentCalls)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentCalls, 1);
        return builder.Use(inner => new ConcurrencyLimitChatClient(inner, maxConcurrentCalls));
    }

    /// <summary>Sends a call that failed with an <see cref="LlmException"/> to <paramref name="fallback"/> (a stream only if nothing was yielded yet).</summary>
    public static ChatClientBuilder UseFallback(this ChatClientBuilder builder, IChatClient fallback)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fallback);
        return builder.Use(inner => new FallbackChatClient(inner, fallback));
    }

    /// <summary>Records requests, failures by kind, duration, time to first token and tokens to <paramref name="metrics"/> (meter <c>ChatBotKit.AI</c>), or to instruments of its own.</summary>
    public static ChatClientBuilder UseMetrics(this ChatClientBuilder builder, LlmMetrics? metrics = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new MetricsChatClient(inner, metrics ?? new LlmMetrics(), timeProvider));
    }
}
