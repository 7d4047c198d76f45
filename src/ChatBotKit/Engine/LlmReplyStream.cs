using System.Runtime.CompilerServices;
using ChatBotKit.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Engine;

/// <summary>
/// One LLM call whose reply is read as it streams. It owns the reply's LLM call slot and the LLM
/// timeout, which covers the whole stream, from the request to the last token; both end when it is
/// disposed. A client that does not stream (its <c>GetStreamingResponseAsync</c> throws
/// <see cref="NotSupportedException"/>) is asked with a plain call, and its reply is one token.
/// </summary>
internal sealed class LlmReplyStream(IChatClient client, IReadOnlyList<ChatMessage> messages, ChatOptions options, Deadline deadline, ConcurrencyGate? slot) : IAsyncDisposable
{
    private ConcurrencyGate? _slot = slot;
    private int _disposed;

    /// <summary>How long the whole stream may take.</summary>
    public TimeSpan Limit => deadline.Limit;

    /// <summary>
    /// The reply's text as it arrives; throws <see cref="TimeoutException"/> when the time is up.
    /// Cancelling stops the call at once, even a client that ignores its token.
    /// </summary>
    public async IAsyncEnumerable<string> ReadTokensAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stopped = cancellationToken.Register(static state => _ = ((Deadline)state!).CancelAsync(), deadline);
        IAsyncEnumerator<ChatResponseUpdate>? updates = null;
        Task<bool>? moving = null;
        var more = false;
        try
        {
            updates = client.GetStreamingResponseAsync(messages, options, deadline.Token).GetAsyncEnumerator(deadline.Token);
            moving = updates.MoveNextAsync().AsTask();
            more = await deadline.WaitAsync(moving).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            updates = null;
        }

        if (updates is null)
        {
            var response = await deadline.WaitAsync(client.GetResponseAsync(messages, options, deadline.Token)).ConfigureAwait(false);
            if (response.Text.Length > 0)
            {
                yield return response.Text;
            }

            yield break;
        }

        try
        {
            while (more)
            {
                if (updates.Current.Text is { Length: > 0 } text)
                {
                    yield return text;
                }

                moving = updates.MoveNextAsync().AsTask();
                more = await deadline.WaitAsync(moving).ConfigureAwait(false);
            }

            moving = null;
        }
        finally
        {
            // An update still awaited (the time ran out, or the caller stopped early) is abandoned: the
            // call's token is cancelled, and an enumerator must not be disposed while it moves.
            await deadline.CancelAsync().ConfigureAwait(false);
            if (moving is null || moving.IsCompleted)
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops the call and gives its LLM call slot back. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await deadline.CancelAsync().ConfigureAwait(false);
        deadline.Dispose();
        Interlocked.Exchange(ref _slot, null)?.Release();
    }
}
