using ChatBotKit.AI;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Cli;

/// <summary>
/// Turns <c>--llm</c> and <c>--model</c> into the chat client the engine uses. The one place
/// that knows the backends: <c>offline</c> is the built-in responder; a base URL needs the
/// OpenAI-compatible backend, which this build does not include yet.
/// </summary>
internal sealed record LlmSelection(string Description, Func<ChatBotDefinition, IChatClient>? CreateClient)
{
    /// <summary>Parses the options; throws <see cref="UsageException"/> for choices this build cannot serve.</summary>
    public static LlmSelection Create(string? llm, string? model)
    {
        if (llm is null)
        {
            if (model is not null)
            {
                throw new UsageException("--model needs --llm <base-url>: the offline responder has no models.");
            }

            return new LlmSelection("the script's LLM (offline responder when it sets none)", null);
        }

        if (string.Equals(llm, "offline", StringComparison.OrdinalIgnoreCase))
        {
            return new LlmSelection("offline responder", d => new OfflineChatClient(d.Identity.Name, d.Personality));
        }

        if (Uri.TryCreate(llm, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            throw new UsageException($"--llm {llm}: an OpenAI-compatible backend is not available in this build; use --llm offline.");
        }

        throw new UsageException($"--llm {llm}: expected 'offline' or an http(s) base URL.");
    }

    /// <summary>True when replies will come from the offline responder for <paramref name="definition"/>.</summary>
    public bool IsOffline(ChatBotDefinition definition) => CreateClient is not null || definition.ChatClient is null;
}
