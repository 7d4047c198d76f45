using System.Runtime.CompilerServices;
using ChatBotKit.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Policies;

/// <summary>
/// Lets at most <see cref="MaxConcurrentCalls"/> calls reach the inner client at once; the rest
/// wait in order. A streamed call holds its slot until the stream ends or is disposed. The limit
/// itself is core's <see cref="ConcurrencyGate"/>, the same one the engine's per-channel LLM slots use.
/// </summary>
internal sealed class ConcurrencyLimitChatClient : DelegatingChatClient
{
    private readonly ConcurrencyGate _gate;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public ConcurrencyLimitChatClient(IChatClient innerClient, int maxConcurrentCalls)
        : base(innerClient)
    {
        _gate = new ConcurrencyGate(maxConcurrentCalls);
    }

    /// <summary>How many calls may run at once.</summary>
    public int MaxConcurrentCalls => _gate.MaxConcurrent;

    /// <summary>How many calls are running now.</summary>
    public int ActiveCalls => _gate.Active;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
