using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ChatBotKit.AI.Backends;

/// <summary>An OpenAI-compatible server through Microsoft.Extensions.AI.OpenAI, with the SDK's retries off.</summary>
internal static class OpenAICompatibleBackend
{
    private const string NoKey = "no-key";

    public static IChatClient Create(LlmOptions options, string? key)
    {
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

        return new OpenAIClient(new ApiKeyCredential(key ?? NoKey), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }

    /// <summary>
    /// The message of an <c>{"error": …}</c> event inside a stream (vLLM and llama.cpp send one when
    /// generation fails), which the SDK reads as an empty chunk; <see langword="null"/> for any other update.
    /// </summary>
    public static string? StreamError(ChatResponseUpdate update)
    {
        if (update.Contents.Count > 0 || update.FinishReason is not null || update.RawRepresentation is not StreamingChatCompletionUpdate raw)
        {
            return null;
        }

        using var json = JsonDocument.Parse(ModelReaderWriter.Write(raw));
        return json.RootElement.TryGetProperty("error", out var error)
            ? error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) ? message.ToString() : error.ToString()
            : null;
    }
}
