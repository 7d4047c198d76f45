using ChatBotKit.AI.Policies;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI;

/// <summary>
/// Stacks policies around a chat client in a fixed order, whatever order they were asked for:
/// logging → metrics → fallback → retry → timeout (per attempt) → concurrency limit → client.
/// </summary>
public sealed class ChatClientPolicyBuilder
{
    private readonly IChatClient _inner;
    private TimeProvider _time = TimeProvider.System;
    private TimeSpan? _timeout;
    private RetryPolicyOptions? _retry;
    private int? _maxConcurrentCalls;
    private IChatClient? _fallback;
    private ILogger? _logger;
    private LlmMetrics? _metrics;

    /// <summary>Starts from <paramref name="innerClient"/>.</summary>
    public ChatClientPolicyBuilder(IChatClient innerClient) => _inner = innerClient ?? throw new ArgumentNullException(nameof(innerClient));

    /// <summary>The clock every time-based policy uses.</summary>
    public ChatClientPolicyBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>Fails each attempt that takes longer than <paramref name="timeout"/> (default 30 s).</summary>
    public ChatClientPolicyBuilder WithTimeout(TimeSpan? timeout = null)
    {
        _timeout = timeout ?? TimeoutChatClient.DefaultTimeout;
        return this;
    }

    /// <summary>Retries transient failures with backoff, jitter and Retry-After.</summary>
    public ChatClientPolicyBuilder WithRetry(RetryPolicyOptions? options = null)
    {
        _retry = options ?? new RetryPolicyOptions();
        return this;
    }

    /// <summary>Lets at most <paramref name="maxConcurrentCalls"/> calls run at once.</summary>
    public ChatClientPolicyBuilder WithConcurrencyLimit(int maxConcurrentCalls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentCalls, 1);
        _maxConcurrentCalls = maxConcurrentCalls;
        return this;
    }

    /// <summary>Sends calls that still fail to <paramref name="fallback"/>.</summary>
    public ChatClientPolicyBuilder WithFallback(IChatClient fallback)
    {
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        return this;
    }

    /// <summary>Logs calls to <paramref name="logger"/>.</summary>
    public ChatClientPolicyBuilder WithLogging(ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        return this;
    }

    /// <summary>Records metrics to <paramref name="metrics"/>, or to instruments of its own.</summary>
    public ChatClientPolicyBuilder WithMetrics(LlmMetrics? metrics = null)
    {
        _metrics = metrics ?? new LlmMetrics();
        return this;
    }

    /// <summary>Builds the stack.</summary>
    public IChatClient Build()
    {
        var client = _inner;
        if (_maxConcurrentCalls is { } max)
        {
            client = new ConcurrencyLimitChatClient(client, max);
        }

        if (_timeout is { } timeout)
        {
            client = new TimeoutChatClient(client, timeout, _time);
        }

        if (_retry is { } retry)
        {
            client = new RetryChatClient(client, retry, _time);
        }

        if (_fallback is { } fallback)
        {
            client = new FallbackChatClient(client, fallback);
        }

        if (_metrics is { } metrics)
        {
            client = new MetricsChatClient(client, metrics, _time);
        }

        if (_logger is { } logger)
        {
            client = new LoggingChatClient(client, logger, _time);
        }

        return client;
    }
}
