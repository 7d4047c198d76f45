using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ChatBotKit.AI.Errors;
using ChatBotKit.AI.Streaming;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI;

/// <content>
/// Streaming: the SDK builds and sends the request over its pipeline; the response's SSE
/// stream is read here, each <c>data:</c> line parsed straight from the parser's pooled bytes.
/// </content>
public sealed partial class OpenAICompatibleChatClient
{
    /// <summary>Stands for an event with empty data (some servers send them to keep the connection open); never yielded.</summary>
    private static readonly ChatResponseUpdate KeepAlive = new();

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var response = await SendStreamingAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var parser = new ChatChunkParser();
        var stream = response.ContentStream
            ?? throw new LlmMalformedResponseException($"{Options.BaseUrl} answered the streamed request without a body", Options.BaseUrl);
        var events = SseParser.Create(stream, (_, data) => data.SequenceEqual("[DONE]"u8) ? null : data.Trim((byte)' ').IsEmpty ? KeepAlive : parser.Parse(data));
        var enumerator = events.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var finished = false;
        try
        {
            while (true)
            {
                ChatResponseUpdate? update;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false) || (update = enumerator.Current.Data) is null)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (LlmErrorTranslator.Translate(ex, Options, cancellationToken) is { } translated)
                {
                    throw translated.Kind == LlmFailureKind.Unreachable
                        ? new LlmTruncatedStreamException($"the stream from {Options.BaseUrl} broke before the response was complete", Options.BaseUrl, null, ex)
                        : translated;
                }

                if (parser.ServerError is { } error)
                {
                    throw new LlmServerException($"{Options.BaseUrl} reported an error in the stream: {error}", Options.BaseUrl);
                }

                if (ReferenceEquals(update, KeepAlive))
                {
                    continue;
                }

                finished |= update.FinishReason is not null;
                yield return update;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        if (!finished)
        {
            throw new LlmTruncatedStreamException(
                $"the stream from {Options.BaseUrl} for model '{Options.Model}' ended before a finish reason", Options.BaseUrl);
        }
    }

    private async Task<PipelineResponse> SendStreamingAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var pages = _client.CompleteChatStreamingAsync(ChatMapping.ToOpenAI(messages), ChatMapping.ToOpenAI(options), cancellationToken);
        try
        {
            await foreach (var page in pages.GetRawPagesAsync().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                return page.GetRawResponse();
            }
        }
        catch (Exception ex) when (LlmErrorTranslator.Translate(ex, Options, cancellationToken) is { } translated)
        {
            throw translated;
        }

        throw new LlmMalformedResponseException($"{Options.BaseUrl} returned no response to the streamed request", Options.BaseUrl);
    }
}
