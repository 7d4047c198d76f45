namespace ChatBotKit.AI;

/// <summary>
/// Where and how <see cref="OpenAICompatibleChatClient"/> reaches an OpenAI-compatible server.
/// The API key is never a setting: it is read from the environment variable named by
/// <see cref="ApiKeyVariable"/>.
/// </summary>
public sealed record OpenAICompatibleOptions
{
    /// <summary>The API's base URL, including the version segment (for example <c>http://localhost:11434/v1</c>).</summary>
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
}
