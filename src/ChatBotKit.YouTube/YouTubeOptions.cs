using System.Globalization;
using System.Text;

namespace ChatBotKit.YouTube;

/// <summary>
/// How a <see cref="YouTubeChatSource"/> reads (and posts to) a live chat. Without credentials it
/// reads keyless (read-only); with <see cref="ApiKey"/> it reads through the Data API v3
/// (read-only); with <see cref="AccessToken"/> or <see cref="RefreshToken"/> it reads through the
/// Data API and posts. Immutable; compares by value; <see cref="object.ToString"/> never shows a secret.
/// </summary>
public sealed record YouTubeOptions
{
    /// <summary>YouTube's web site, where the watch, live-chat and <c>youtubei</c> endpoints live.</summary>
    public static Uri DefaultEndpoint { get; } = new("https://www.youtube.com");

    /// <summary>The public YouTube Data API v3, including its version path.</summary>
    public static Uri DefaultApiEndpoint { get; } = new("https://www.googleapis.com/youtube/v3");

    /// <summary>Google's OAuth 2.0 token endpoint, where a refresh token is exchanged for an access token.</summary>
    public static Uri DefaultTokenEndpoint { get; } = new("https://oauth2.googleapis.com/token");

    /// <summary>The base URL of the watch and live-chat pages; a local fake in tests.</summary>
    public Uri Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>The base URL of the Data API including its version path; a local fake in tests.</summary>
    public Uri ApiEndpoint { get; init; } = DefaultApiEndpoint;

    /// <summary>The OAuth token endpoint a <see cref="RefreshToken"/> is exchanged at; a local fake in tests.</summary>
    public Uri TokenEndpoint { get; init; } = DefaultTokenEndpoint;

    /// <summary>A Data API key: reads the chat through the Data API (an API key cannot post).</summary>
    public string? ApiKey { get; init; }

    /// <summary>An OAuth access token (scope <c>youtube</c> or <c>youtube.force-ssl</c>): reads through the Data API and posts.</summary>
    public string? AccessToken { get; init; }

    /// <summary>An OAuth refresh token; with <see cref="ClientId"/> and <see cref="ClientSecret"/> it yields access tokens, renewed before they expire.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The OAuth client id that issued <see cref="RefreshToken"/>.</summary>
    public string? ClientId { get; init; }

    /// <summary>The OAuth client secret that goes with <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The shortest wait between two polls, whatever YouTube asks (1 s).</summary>
    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls, whatever YouTube asks (8 s); also the wait when YouTube names none.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The shortest wait between two Data API <c>liveChatMessages.list</c> calls (5 quota units each),
    /// whatever <c>pollingIntervalMillis</c> asks: 8 s, which is 2,250 units an hour.
    /// </summary>
    public TimeSpan ApiPollInterval { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The Data API units this bot may spend a day (10,000, a project's default quota); warned at 80 %, polling slows there and stops before the budget is gone.</summary>
    public int DailyQuota { get; init; } = 10_000;

    /// <summary>The shortest gap between two posted messages (3 s).</summary>
    public TimeSpan SendInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The first wait after a refused poll (429, 5xx, a body that is not chat); it doubles, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait after refused polls.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>YouTube's chat message limit (200 characters).</summary>
    public int MaxMessageLength { get; init; } = 200;

    /// <summary>Whether the chat is read through the Data API (an API key or an OAuth token is set).</summary>
    public bool UsesDataApi => ApiKey is not null || CanPost;

    /// <summary>Whether the bot can post: an OAuth access token or refresh token is set.</summary>
    public bool CanPost => AccessToken is not null || RefreshToken is not null;

    /// <summary>
    /// The options from the environment: <c>YOUTUBE_ENDPOINT</c>, <c>YOUTUBE_API_ENDPOINT</c>,
    /// <c>YOUTUBE_TOKEN_ENDPOINT</c>, <c>YOUTUBE_API_KEY</c>, <c>YOUTUBE_ACCESS_TOKEN</c>,
    /// <c>YOUTUBE_REFRESH_TOKEN</c>, <c>YOUTUBE_CLIENT_ID</c> and <c>YOUTUBE_CLIENT_SECRET</c>, each when set.
    /// </summary>
    /// <param name="environment">Reads a variable; the process environment when <see langword="null"/> (a script passes its <c>Env</c>).</param>
    public static YouTubeOptions FromEnvironment(Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        string? Read(string name) => env(name) is { Length: > 0 } value ? value.Trim() : null;
        Uri Url(string name, Uri fallback) => Read(name) is { } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : throw new ArgumentException($"{name} must be an absolute http(s) URL, not '{text}'.")
            : fallback;
        return new()
        {
            Endpoint = Url("YOUTUBE_ENDPOINT", DefaultEndpoint),
            ApiEndpoint = Url("YOUTUBE_API_ENDPOINT", DefaultApiEndpoint),
            TokenEndpoint = Url("YOUTUBE_TOKEN_ENDPOINT", DefaultTokenEndpoint),
            ApiKey = Read("YOUTUBE_API_KEY"),
            AccessToken = Read("YOUTUBE_ACCESS_TOKEN"),
            RefreshToken = Read("YOUTUBE_REFRESH_TOKEN"),
            ClientId = Read("YOUTUBE_CLIENT_ID"),
            ClientSecret = Read("YOUTUBE_CLIENT_SECRET"),
        };
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        foreach (var (name, url) in new[] { ("Endpoint", Endpoint), ("ApiEndpoint", ApiEndpoint), ("TokenEndpoint", TokenEndpoint) })
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"YouTubeOptions.{name} must be an absolute http(s) URL, not '{url}'.");
            }
        }

        if (RefreshToken is not null && (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret)))
        {
            throw new ArgumentException("YouTubeOptions.RefreshToken needs ClientId and ClientSecret (YOUTUBE_CLIENT_ID, YOUTUBE_CLIENT_SECRET) to be exchanged for access tokens.");
        }

        if (MinPollInterval <= TimeSpan.Zero || MaxPollInterval < MinPollInterval)
        {
            throw new ArgumentException("YouTubeOptions.MinPollInterval must be positive and no longer than MaxPollInterval.");
        }

        if (ApiPollInterval <= TimeSpan.Zero || SendInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("YouTubeOptions.ApiPollInterval must be positive and SendInterval not negative.");
        }

        if (DailyQuota <= 0)
        {
            throw new ArgumentException("YouTubeOptions.DailyQuota must be positive.");
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

    // Secrets are shown as set or not, never as their value.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Endpoint = {Endpoint}, ApiEndpoint = {ApiEndpoint}, TokenEndpoint = {TokenEndpoint}, ");
        builder.Append(CultureInfo.InvariantCulture, $"ApiKey = {Secret(ApiKey)}, AccessToken = {Secret(AccessToken)}, RefreshToken = {Secret(RefreshToken)}, ClientId = {ClientId ?? "(not set)"}, ClientSecret = {Secret(ClientSecret)}, ");
        builder.Append(CultureInfo.InvariantCulture, $"MinPollInterval = {MinPollInterval}, MaxPollInterval = {MaxPollInterval}, ApiPollInterval = {ApiPollInterval}, DailyQuota = {DailyQuota}, ");
        builder.Append(CultureInfo.InvariantCulture, $"SendInterval = {SendInterval}, RetryDelay = {RetryDelay}, MaxRetryDelay = {MaxRetryDelay}, MaxMessageLength = {MaxMessageLength}");
        return true;
    }

    private static string Secret(string? value) => value is null ? "(not set)" : "(set)";
}
