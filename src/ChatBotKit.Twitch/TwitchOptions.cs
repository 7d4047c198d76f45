namespace ChatBotKit.Twitch;

/// <summary>How the Twitch source connects. Immutable; compared by value across script reloads.</summary>
public sealed record TwitchOptions
{
    /// <summary>Twitch's IRC-over-TLS endpoint, the default <see cref="Server"/>.</summary>
    public static Uri TwitchServer { get; } = new("ircs://irc.chat.twitch.tv:6697");

    /// <summary>The server: <c>ircs://host:port</c> (TLS), <c>irc://</c>, <c>wss://</c> or <c>ws://</c>. Default Twitch over TLS.</summary>
    public Uri Server { get; init; } = TwitchServer;

    /// <summary>The bot account's login; <see langword="null"/> (or no token) connects anonymously, read-only.</summary>
    public string? Nick { get; init; }

    /// <summary>The environment variable that holds the OAuth user token (with or without <c>oauth:</c>). The token is never logged.</summary>
    public string TokenVariable { get; init; } = "TWITCH_OAUTH_TOKEN";

    /// <summary>Send no traffic-free longer than this: after it a PING goes out. Default 60 s.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for any line after the watchdog's PING before reconnecting. Default 15 s.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long connecting and logging in may take. Default 20 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The first reconnect delay; it doubles per failed attempt, with jitter. Default 1 s.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest reconnect delay. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many events wait for the engine before the oldest are dropped (counted). Default 10,000.</summary>
    public int EventCapacity { get; init; } = 10_000;

    /// <summary>How chat is read and sent: IRC (default) or EventSub with Helix. <c>AddTwitch</c> creates the matching source.</summary>
    public TwitchTransport Transport { get; init; } = TwitchTransport.Irc;

    /// <summary>With the IRC transport, also read follows, channel-point redemptions and stream status through EventSub (needs a user token).</summary>
    public bool EventSubBesideIrc { get; init; }

    /// <summary>The EventSub, Helix and OAuth addresses; Twitch's by default.</summary>
    public TwitchEndpoints Endpoints { get; init; } = new();

    /// <summary>The environment variable with the application's client id, used to refresh the token (validation also tells it). Default <c>TWITCH_CLIENT_ID</c>.</summary>
    public string ClientIdVariable { get; init; } = "TWITCH_CLIENT_ID";

    /// <summary>The environment variable with the refresh token; without one an expired token stops the EventSub source. Default <c>TWITCH_REFRESH_TOKEN</c>.</summary>
    public string RefreshTokenVariable { get; init; } = "TWITCH_REFRESH_TOKEN";

    /// <summary>The token file <c>streambot auth twitch</c> writes (see <see cref="Auth.TwitchTokenStore"/>), read by the EventSub transport when the token variable is unset, and updated when a token from it is refreshed. <see langword="null"/> is the per-user default file.</summary>
    public string? TokenFile { get; init; }

    /// <summary>The environment variable with the client secret, for applications registered as confidential. Default <c>TWITCH_CLIENT_SECRET</c>.</summary>
    public string ClientSecretVariable { get; init; } = "TWITCH_CLIENT_SECRET";

    /// <summary>
    /// With the EventSub transport, send through Helix with the application's access token instead of
    /// the bot's user token, which is how Twitch shows the "Chat Bot" badge next to the bot's messages.
    /// Needs the application's client id and secret (<see cref="ClientIdVariable"/>, <see cref="ClientSecretVariable"/>),
    /// <c>user:bot</c> granted by the bot's account, and <c>channel:bot</c> granted by the broadcaster
    /// or the bot being a moderator there.
    /// </summary>
    public bool ChatBotBadge { get; init; }

    /// <summary>Twitch's send rules the source obeys.</summary>
    public TwitchSendLimits Send { get; init; } = new();

    /// <summary>Whether the options log in anonymously: no nick, or the token variable is unset.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(Nick) || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TokenVariable));

    /// <summary>
    /// Options from the environment: <c>TWITCH_NICK</c> (the bot's login; absent means anonymous),
    /// <c>TWITCH_OAUTH_TOKEN</c> (read when connecting), <c>TWITCH_IRC_SERVER</c> (absent means Twitch),
    /// <c>TWITCH_TRANSPORT</c> (<c>irc</c>, <c>eventsub</c> or <c>irc+eventsub</c>), <c>TWITCH_CHAT_BOT_BADGE</c>
    /// (<c>1</c> or <c>true</c>: <see cref="ChatBotBadge"/>) and
    /// <c>TWITCH_EVENTSUB_URL</c>, <c>TWITCH_HELIX_URL</c>, <c>TWITCH_OAUTH_URL</c> (absent means Twitch's).
    /// </summary>
    /// <param name="environment">Looks a variable up; <see langword="null"/> reads the process environment (a script passes its <c>Env</c>).</param>
    public static TwitchOptions FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var server = environment("TWITCH_IRC_SERVER");
        var transport = environment("TWITCH_TRANSPORT")?.Trim().ToLowerInvariant();
        var defaults = new TwitchEndpoints();
        return new TwitchOptions
        {
            Nick = environment("TWITCH_NICK") is { Length: > 0 } nick ? nick : null,
            Server = string.IsNullOrWhiteSpace(server) ? TwitchServer : new Uri(server),
            Transport = transport == "eventsub" ? TwitchTransport.EventSub : TwitchTransport.Irc,
            EventSubBesideIrc = transport == "irc+eventsub",
            ChatBotBadge = environment("TWITCH_CHAT_BOT_BADGE")?.Trim().ToLowerInvariant() is "1" or "true",
            Endpoints = new TwitchEndpoints
            {
                EventSub = UriOr(environment("TWITCH_EVENTSUB_URL"), defaults.EventSub),
                Helix = UriOr(environment("TWITCH_HELIX_URL"), defaults.Helix),
                OAuth = UriOr(environment("TWITCH_OAUTH_URL"), defaults.OAuth),
            },
        };
    }

    /// <summary>Throws when a setting is out of range, naming the setting.</summary>
    public void Validate()
    {
        if (Server is null || !Server.IsAbsoluteUri || Server.Scheme is not ("ircs" or "irc" or "wss" or "ws") || Server.Host.Length == 0)
        {
            throw new ArgumentException($"TwitchOptions.Server must be an ircs://, irc://, wss:// or ws:// address, not '{Server}'.");
        }

        if (PingInterval <= TimeSpan.Zero || PongTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("TwitchOptions.PingInterval, PongTimeout and ConnectTimeout must be positive.");
        }

        if (ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            throw new ArgumentException("TwitchOptions.ReconnectMinDelay must be positive and at most ReconnectMaxDelay.");
        }

        if (ChatBotBadge && Transport != TwitchTransport.EventSub)
        {
            throw new ArgumentException("TwitchOptions.ChatBotBadge needs Transport = TwitchTransport.EventSub (TWITCH_TRANSPORT=eventsub): the badge comes with sending through Helix.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(EventCapacity, 1, "TwitchOptions.EventCapacity");
        Send.Validate();
        Endpoints.Validate();
    }

    private static Uri UriOr(string? value, Uri fallback) => string.IsNullOrWhiteSpace(value) ? fallback : new Uri(value);
}
