namespace ChatBotKit.AI;

/// <summary>
/// Where and how <see cref="LlmClient"/> reaches a language model server. The API key is never a
/// setting: it is read from the environment variable named by <see cref="ApiKeyVariable"/>.
/// </summary>
public sealed record LlmOptions
{
    /// <summary>The API the server speaks (default OpenAI-compatible).</summary>
    public LlmProtocol Protocol { get; init; } = LlmProtocol.OpenAICompatible;

    /// <summary>
    /// The API's base URL: with the version segment for OpenAI-compatible servers
    /// (<c>http://localhost:1234/v1</c>), the server's root for Ollama (<c>http://localhost:11434</c>)
    /// and Anthropic (<c>https://api.anthropic.com</c>).
    /// </summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The model to ask for.</summary>
    public required string Model { get; init; }

    /// <summary>The environment variable that holds the API key, or <see langword="null"/> for a server that takes none.</summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>Whether a missing key is an error at start-up; local servers need no key.</summary>
    public bool RequireApiKey { get; init; }

    /// <summary>How long one HTTP exchange may take before the transport gives up; the timeout policy is usually shorter.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>An HTTP client to send requests through (tests, proxies); by default one is created.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>A display name for logs and metrics, such as the preset's name.</summary>
    public string ProviderName { get; init; } = "openai-compatible";

    /// <summary>Ollama only: the context window in tokens (<c>num_ctx</c>); <see langword="null"/> keeps the model's default.</summary>
    public int? ContextSize { get; init; }

    /// <summary>Ollama only: how long the model stays loaded after a call (<c>keep_alive</c>); negative keeps it loaded, <see langword="null"/> keeps the server's default.</summary>
    public TimeSpan? KeepAlive { get; init; }

    /// <summary>Anthropic only: the reply's token limit when a call sets none (the Messages API requires one; default 1024).</summary>
    public int MaxOutputTokens { get; init; } = 1024;
}
