using ChatBotKit.AI;
using ChatBotKit.AI.Policies;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Cli;

/// <summary>
/// Turns <c>--llm</c> and <c>--model</c> into the chat client the engine uses. The one place
/// that knows the backends: <c>offline</c> is the built-in responder; a preset name
/// (<c>ollama</c>, <c>lmstudio</c>, <c>lemonade</c>, <c>openai</c>) or an http(s) base URL is an
/// OpenAI-compatible server and needs <c>--model</c>.
/// </summary>
internal sealed record LlmSelection(string Description, Func<ChatBotDefinition, IChatClient>? CreateClient, bool ForcesOffline = false, LlmOptions? Probe = null)
{
    /// <summary>The variable an API key for a plain <c>--llm &lt;base-url&gt;</c> is read from, when set.</summary>
    public const string ApiKeyVariable = "STREAMBOT_LLM_API_KEY";

    /// <summary>
    /// A transient failure (429, 5xx, unreachable) is tried twice more, 0.5–2 s apart or after the
    /// server's Retry-After up to 5 s, all inside the engine's reply timeout, before the bot gives
    /// up or posts its fallback reply.
    /// </summary>
    internal static readonly RetryPolicyOptions Retry = new()
    {
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(2),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        RetryTimeouts = false,
    };

    /// <summary>The value <c>--llm</c> takes, naming the presets.</summary>
    public static string Choices => $"'offline', a preset ({string.Join(", ", LlmPreset.All.Select(p => p.Name))}) or an OpenAI-compatible http(s) base URL";

    /// <summary>Parses the options; throws <see cref="UsageException"/> for choices it cannot serve.</summary>
    /// <exception cref="ChatBotConfigurationException">A preset's required API key variable is not set.</exception>
    public static LlmSelection Create(string? llm, string? model)
    {
        if (llm is null)
        {
            if (model is not null)
            {
                throw new UsageException("--model needs --llm <base-url|preset>: the offline responder has no models.");
            }

            return new LlmSelection("the script's LLM (offline responder when it sets none)", null);
        }

        if (string.Equals(llm, "offline", StringComparison.OrdinalIgnoreCase))
        {
            return new LlmSelection("offline responder", d => new OfflineChatClient(d.Identity.Name, d.Personality), ForcesOffline: true);
        }

        var options = Server(llm) ?? throw new UsageException($"--llm {llm}: expected {Choices}.");
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new UsageException($"--llm {llm} needs --model <name>.");
        }

        // Metrics (outermost, one request per reply) feed /metrics (chatbotkit_llm_*) and the LLM's level in /health.
        var server = options with { Model = model };
        var client = LlmClient.Create(server).AsBuilder()
            .UseMetrics()
            .UseRetry(Retry)
            .Build();
        return new LlmSelection($"{model} at {options.BaseUrl}", _ => client, Probe: server);
    }

    /// <summary>True when replies will come from the offline responder for <paramref name="definition"/>.</summary>
    public bool IsOffline(ChatBotDefinition definition) => CreateClient is null ? definition.ChatClient is null : ForcesOffline;

    private static LlmOptions? Server(string llm)
    {
        if (LlmPreset.Find(llm) is { } preset)
        {
            return preset.ToOptions("");
        }

        return Uri.TryCreate(llm, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new LlmOptions { BaseUrl = uri, Model = "", ApiKeyVariable = ApiKeyVariable }
            : null;
    }
}
