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

    /// <summary>Twitch's send rules the source obeys.</summary>
    public TwitchSendLimits Send { get; init; } = new();

    /// <summary>Whether the options log in anonymously: no nick, or the token variable is unset.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(Nick) || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TokenVariable));

    /// <summary>
    /// Options from the environment: <c>TWITCH_NICK</c> (the bot's login; absent means anonymous),
    /// <c>TWITCH_OAUTH_TOKEN</c> (read when connecting) and <c>TWITCH_IRC_SERVER</c> (absent means Twitch).
    /// </summary>
    /// <param name="environment">Looks a variable up; <see langword="null"/> reads the process environment (a script passes its <c>Env</c>).</param>
    public static TwitchOptions FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var server = environment("TWITCH_IRC_SERVER");
        return new TwitchOptions
        {
            Nick = environment("TWITCH_NICK") is { Length: > 0 } nick ? nick : null,
            Server = string.IsNullOrWhiteSpace(server) ? TwitchServer : new Uri(server),
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

        ArgumentOutOfRangeException.ThrowIfLessThan(EventCapacity, 1, "TwitchOptions.EventCapacity");
        Send.Validate();
    }
}
