using System.ClientModel;
using System.ClientModel.Primitives;
using ChatBotKit.AI.Errors;
using Microsoft.Extensions.AI;
using OpenAI;
using OAI = OpenAI.Chat;

namespace ChatBotKit.AI;

/// <summary>
/// An <see cref="IChatClient"/> over the official OpenAI .NET SDK for any OpenAI-compatible
/// server: OpenAI, Ollama, LM Studio, Lemonade, vLLM, llama.cpp's server. Failures surface as
/// <see cref="LlmException"/> subtypes; the SDK's own retries are off so policies decide.
/// </summary>
public sealed partial class OpenAICompatibleChatClient : IChatClient
{
    private const string NoKey = "no-key";
    private readonly OAI.ChatClient _client;

    /// <summary>Creates a client for a server described by <paramref name="options"/>.</summary>
    /// <exception cref="ChatBotConfigurationException">The key is required and its variable is unset.</exception>
    public OpenAICompatibleChatClient(OpenAICompatibleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model);
        Options = options;
        var key = ReadApiKey(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            NetworkTimeout = options.NetworkTimeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (options.HttpClient is { } http)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http);
        }

        _client = new OAI.ChatClient(options.Model, new ApiKeyCredential(key ?? NoKey), clientOptions);
        Metadata = new ChatClientMetadata(options.ProviderName, options.BaseUrl, options.Model);
    }

    /// <summary>Creates a client for a preset and a model.</summary>
    public OpenAICompatibleChatClient(LlmPreset preset, string model)
        : this((preset ?? throw new ArgumentNullException(nameof(preset))).ToOptions(model))
    {
    }

    /// <summary>The options this client was created with.</summary>
    public OpenAICompatibleOptions Options { get; }

    /// <summary>Metadata naming the provider, base URL and model.</summary>
    public ChatClientMetadata Metadata { get; }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = ChatMapping.ToOpenAI(messages);
        var completionOptions = ChatMapping.ToOpenAI(options);
        try
        {
            var result = await _client.CompleteChatAsync(request, completionOptions, cancellationToken).ConfigureAwait(false);
            return ChatMapping.FromOpenAI(result.Value);
        }
        catch (Exception ex) when (LlmErrorTranslator.Translate(ex, Options, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? Metadata
            : serviceType == typeof(OAI.ChatClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static string? ReadApiKey(OpenAICompatibleOptions options)
    {
        var key = options.ApiKeyVariable is { Length: > 0 } name ? Environment.GetEnvironmentVariable(name) : null;
        if (string.IsNullOrEmpty(key) && options.RequireApiKey)
        {
            throw new ChatBotConfigurationException(options.ApiKeyVariable is { Length: > 0 } variable
                ? $"the API key for {options.BaseUrl} is missing: set the environment variable {variable}"
                : $"the API key for {options.BaseUrl} is required but no ApiKeyVariable is set in {nameof(OpenAICompatibleOptions)}");
        }

        return string.IsNullOrEmpty(key) ? null : key;
    }
}
