namespace ChatBotKit.YouTube;

/// <summary>How a <see cref="YouTubeChatSource"/> reads a live chat without an API key. Immutable; compares by value.</summary>
public sealed record YouTubeOptions
{
    /// <summary>YouTube's web site, where the watch, live-chat and <c>youtubei</c> endpoints live.</summary>
    public static Uri DefaultEndpoint { get; } = new("https://www.youtube.com");

    /// <summary>The base URL of the watch and live-chat pages; a local fake in tests.</summary>
    public Uri Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>The shortest wait between two polls, whatever YouTube asks (1 s).</summary>
    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls, whatever YouTube asks (8 s); also the wait when YouTube names none.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The first wait after a refused poll (429, 5xx, a body that is not chat); it doubles, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait after refused polls.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>YouTube's chat message limit (200 characters).</summary>
    public int MaxMessageLength { get; init; } = 200;

    /// <summary>The options with <see cref="Endpoint"/> from <c>YOUTUBE_ENDPOINT</c> when it is set.</summary>
    /// <param name="environment">Reads a variable; the process environment when <see langword="null"/> (a script passes its <c>Env</c>).</param>
    public static YouTubeOptions FromEnvironment(Func<string, string?>? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariable)("YOUTUBE_ENDPOINT") is { Length: > 0 } endpoint ? new() { Endpoint = new Uri(endpoint) } : new();

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"YouTubeOptions.Endpoint must be an absolute http(s) URL, not '{Endpoint}'.");
        }

        if (MinPollInterval <= TimeSpan.Zero || MaxPollInterval < MinPollInterval)
        {
            throw new ArgumentException("YouTubeOptions.MinPollInterval must be positive and no longer than MaxPollInterval.");
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            throw new ArgumentException("YouTubeOptions.RetryDelay must be positive and no longer than MaxRetryDelay.");
        }

        if (MaxMessageLength <= 0)
        {
            throw new ArgumentException("YouTubeOptions.MaxMessageLength must be positive.");
        }
    }
}
