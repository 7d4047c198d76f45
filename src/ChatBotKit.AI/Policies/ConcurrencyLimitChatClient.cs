using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Policies;

/// <summary>
/// Lets at most <see cref="MaxConcurrentCalls"/> calls reach the inner client at once; the rest
/// wait in order. A streamed call holds its slot until the stream ends or is disposed.
/// </summary>
internal sealed class ConcurrencyLimitChatClient : DelegatingChatClient
{
    private readonly SemaphoreSlim _slots;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public ConcurrencyLimitChatClient(IChatClient innerClient, int maxConcurrentCalls)
        : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentCalls, 1);
        MaxConcurrentCalls = maxConcurrentCalls;
        _slots = new SemaphoreSlim(maxConcurrentCalls, maxConcurrentCalls);
    }

    /// <summary>How many calls may run at once.</summary>
    public int MaxConcurrentCalls { get; }

    /// <summary>How many calls are running now.</summary>
    public int ActiveCalls => MaxConcurrentCalls - _slots.CurrentCount;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slots.Dispose();
        }

        base.Dispose(disposing);
    }
}
