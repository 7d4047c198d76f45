using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Backends;

/// <summary>Anthropic's Messages API through the official SDK's own <see cref="IChatClient"/> adapter, with the SDK's retries off.</summary>
internal static class AnthropicBackend
{
    private const string NoKey = "no-key";

    public static IChatClient Create(LlmOptions options, string? key)
    {
        var settings = new ClientOptions
        {
            ApiKey = key ?? NoKey,
            BaseUrl = options.BaseUrl.AbsoluteUri.TrimEnd('/'),
            MaxRetries = 0,
            Timeout = options.NetworkTimeout,
        };
        if (options.HttpClient is { } http)
        {
            settings.HttpClient = http;
        }

        return new AnthropicClient(settings).AsIChatClient(options.Model, options.MaxOutputTokens);
    }
}
