using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Policies;

/// <summary>Opens a streamed response up to its first update, so policies can act before anything was yielded.</summary>
internal static class StreamStart
{
    public static async Task<(IAsyncEnumerator<ChatResponseUpdate> Enumerator, bool HasFirst)> OpenAsync(
        IChatClient client, IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var enumerator = client.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            var hasFirst = await enumerator.MoveNextAsync().ConfigureAwait(false);
            return (enumerator, hasFirst);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Yields the first update (if any) and then the rest of an opened stream, disposing it at the end.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> ContinueAsync(IAsyncEnumerator<ChatResponseUpdate> enumerator, bool hasFirst)
    {
        try
        {
            if (!hasFirst)
            {
                yield break;
            }

            yield return enumerator.Current;
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
