using System.Globalization;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace ChatBotKit.AI.Backends;

/// <summary>
/// Ollama's native API through OllamaSharp, so <c>num_ctx</c> and <c>keep_alive</c> reach the
/// server (its OpenAI-compatible endpoint ignores them).
/// </summary>
internal sealed class OllamaBackend : DelegatingChatClient
{
    private readonly LlmOptions _options;

    private OllamaBackend(IChatClient inner, LlmOptions options)
        : base(inner) => _options = options;

    public static IChatClient Create(LlmOptions options)
    {
        var http = options.HttpClient ?? new HttpClient { Timeout = options.NetworkTimeout };
        http.BaseAddress ??= options.BaseUrl;
        return new OllamaBackend(new OllamaApiClient(http, options.Model), options);
    }

    /// <summary>
    /// Says whether <paramref name="update"/> stands for an <c>{"error": …}</c> line inside a stream,
    /// which OllamaSharp reads as an empty chunk without a message (and drops the error's text).
    /// </summary>
    public static string? StreamError(ChatResponseUpdate update) =>
        update.RawRepresentation is ChatResponseStream { Message: null, Done: false, Model: null } ? "the server's error line" : null;

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, WithSettings(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, WithSettings(options), cancellationToken);

    private ChatOptions? WithSettings(ChatOptions? options)
    {
        if (_options.ContextSize is null && _options.KeepAlive is null)
        {
            return options;
        }

        var result = options?.Clone() ?? new ChatOptions();
        result.AdditionalProperties = result.AdditionalProperties?.Clone() ?? [];
        if (_options.ContextSize is { } size)
        {
            result.AdditionalProperties.TryAdd("num_ctx", size);
        }

        if (_options.KeepAlive is { } keepAlive)
        {
            result.AdditionalProperties.TryAdd("keep_alive", keepAlive < TimeSpan.Zero ? "-1" : ((long)keepAlive.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s");
        }

        return result;
    }
}
