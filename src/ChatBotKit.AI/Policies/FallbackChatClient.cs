using ChatBotKit.AI.Errors;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Policies;

/// <summary>
/// Sends a call to a second client when the first fails with an <see cref="LlmException"/>.
/// A streamed call falls back only if the first client failed before its first update, so a
/// reader never sees two half answers.
/// </summary>
internal sealed class FallbackChatClient : DelegatingChatClient
{
    /// <summary>Wraps <paramref name="innerClient"/> with <paramref name="fallback"/> behind it.</summary>
    public FallbackChatClient(IChatClient innerClient, IChatClient fallback)
        : base(innerClient) => Fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));

    /// <summary>The client used when the first one fails.</summary>
    public IChatClient Fallback { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (LlmException)
        {
            return await Fallback.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamAsync(messages, options, cancellationToken);

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<ChatResponseUpdate> enumerator;
        bool hasFirst;
        try
        {
            (enumerator, hasFirst) = await StreamStart.OpenAsync(InnerClient, messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (LlmException)
        {
            (enumerator, hasFirst) = await StreamStart.OpenAsync(Fallback, messages, options, cancellationToken).ConfigureAwait(false);
        }

        await foreach (var update in StreamStart.ContinueAsync(enumerator, hasFirst).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }
}
