using System.Runtime.CompilerServices;
using ChatBotKit.AI.Errors;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Backends;

/// <summary>
/// Sits on an SDK's chat client: translates its failures into <see cref="LlmException"/>, fails
/// a stream that ends without a finish reason, and answers <see cref="GetService"/> with the
/// <see cref="LlmOptions"/> and metadata naming the provider, base URL and model.
/// </summary>
internal sealed class LlmBackendChatClient : DelegatingChatClient
{
    private readonly ChatClientMetadata _metadata;

    public LlmBackendChatClient(IChatClient inner, LlmOptions options)
        : base(inner)
    {
        Options = options;
        _metadata = new ChatClientMetadata(options.ProviderName, options.BaseUrl, options.Model);
    }

    public LlmOptions Options { get; }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (LlmErrorTranslator.Translate(ex, Options, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = false;
        var finished = false;
        var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (LlmErrorTranslator.Translate(ex, Options, cancellationToken) is { } translated)
                {
                    throw started && translated.Kind == LlmFailureKind.Unreachable
                        ? LlmErrorTranslator.Failure(LlmFailureKind.TruncatedStream, $"the stream from {Options.BaseUrl} broke before the response was complete", Options, null, ex)
                        : translated;
                }

                if ((OpenAICompatibleBackend.StreamError(enumerator.Current) ?? OllamaBackend.StreamError(enumerator.Current)) is { } error)
                {
                    throw LlmErrorTranslator.Failure(LlmFailureKind.ServerError, $"{Options.BaseUrl} reported an error in the stream: {error}", Options);
                }

                started = true;
                finished |= enumerator.Current.FinishReason is not null;
                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        if (!finished)
        {
            throw LlmErrorTranslator.Failure(LlmFailureKind.TruncatedStream,
                $"the stream from {Options.BaseUrl} for model '{Options.Model}' ended before a finish reason", Options);
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? base.GetService(serviceType, serviceKey)
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(LlmOptions) ? Options
            : base.GetService(serviceType, serviceKey);
    }
}
