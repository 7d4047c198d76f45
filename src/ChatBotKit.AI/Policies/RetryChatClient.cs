using ChatBotKit.AI.Errors;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace ChatBotKit.AI.Policies;

/// <summary>
/// Tries a call again on 429, 5xx, an unreachable server or a timeout, with exponential backoff
/// and jitter (Polly.Core) on a <see cref="TimeProvider"/>. A Retry-After from the server is
/// the delay when it is given. A streamed call is retried only before its first update.
/// </summary>
internal sealed class RetryChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public RetryChatClient(IChatClient innerClient, RetryPolicyOptions? options = null, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        Options = options ?? new RetryPolicyOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.MaxRetries);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (Options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.BaseDelay,
                MaxDelay = Options.MaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<LlmException>(ShouldRetry),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is LlmException { RetryAfter: { } retryAfter } ? retryAfter : null),
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>The retry settings.</summary>
    public RetryPolicyOptions Options { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await _pipeline.ExecuteAsync(
            static async (state, ct) => await state.Inner.GetResponseAsync(state.messages, state.options, ct).ConfigureAwait(false),
            (Inner: InnerClient, messages, options),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamAsync(messages, options, cancellationToken);

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (enumerator, hasFirst) = await _pipeline.ExecuteAsync(
            static async (state, ct) => await StreamStart.OpenAsync(state.Inner, state.messages, state.options, ct).ConfigureAwait(false),
            (Inner: InnerClient, messages, options),
            cancellationToken).ConfigureAwait(false);
        await foreach (var update in StreamStart.ContinueAsync(enumerator, hasFirst).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private bool ShouldRetry(LlmException error) =>
        error.IsTransient
        && (Options.RetryTimeouts || error.Kind != LlmFailureKind.Timeout)
        && (error.RetryAfter is not { } wait || wait <= Options.MaxRetryAfter);
}
