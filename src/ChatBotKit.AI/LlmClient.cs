using ChatBotKit.AI.Backends;
using ChatBotKit.AI.Errors;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI;

/// <summary>
/// Creates the <see cref="IChatClient"/> for a server: Microsoft.Extensions.AI's OpenAI adapter
/// for OpenAI-compatible servers, OllamaSharp for Ollama, the Anthropic SDK's adapter for
/// Anthropic. The SDKs' own retries are off, so the pipeline's retry policy decides; every
/// failure surfaces as an <see cref="LlmException"/> with a <see cref="LlmFailureKind"/>.
/// </summary>
public static class LlmClient
{
    /// <summary>Creates a client for the server described by <paramref name="options"/>.</summary>
    /// <exception cref="ChatBotConfigurationException">The key is required and its variable is unset.</exception>
    public static IChatClient Create(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model);
        var key = ApiKey.Read(options);
        var inner = options.Protocol switch
        {
            LlmProtocol.Ollama => OllamaBackend.Create(options),
            LlmProtocol.Anthropic => AnthropicBackend.Create(options, key),
            _ => OpenAICompatibleBackend.Create(options, key),
        };
        return new LlmBackendChatClient(inner, options);
    }

    /// <summary>Creates a client for a preset and a model.</summary>
    public static IChatClient Create(LlmPreset preset, string model) =>
        Create((preset ?? throw new ArgumentNullException(nameof(preset))).ToOptions(model));
}
