namespace ChatBotKit.Hosting.AspNetCore;

/// <summary>
/// How the dashboard (<c>MapChatBotDashboard</c>, <c>WithDashboard</c>) is served and who may use it.
/// Without a <see cref="Token"/> it answers loopback clients only; with one, every client signs in with it
/// once and then holds an HttpOnly, SameSite=Strict cookie.
/// </summary>
public sealed record ChatBotDashboardOptions
{
    /// <summary>The names a request's <c>Host</c> header may carry (without port); others get 400. Default the loopback names.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The sign-in token; <see langword="null"/> lets only loopback clients in, without one.</summary>
    public string? Token { get; init; }

    /// <summary>How long a sign-in lasts. Default 12 hours.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>The bot's configuration file (YAML or JSON) the configuration page shows and edits; <see langword="null"/> for none.</summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>How many live events a browser may fall behind before the oldest are dropped (and counted). Default 256.</summary>
    public int ClientBufferSize { get; init; } = 256;
}
