namespace ChatBotKit.Nats;

/// <summary>
/// How a <see cref="NatsConnection"/> connects. Immutable; compare by value. Credentials belong in
/// environment variables: read them there and set <see cref="User"/>, <see cref="Password"/> or
/// <see cref="Token"/>, never from a script or a file.
/// </summary>
public sealed record NatsOptions
{
    /// <summary>Seed servers, tried in order; servers the cluster announces (<c>connect_urls</c>) are added.</summary>
    public IReadOnlyList<Uri> Servers { get; init; } = [new Uri("nats://127.0.0.1:4222")];

    /// <summary>
    /// Reads a comma-separated server list as people write it in <c>NATS_URL</c> or on a command line
    /// (<c>nats://a:4222, nats://b:4222</c>) for <see cref="Servers"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty, or an entry is not an absolute URL (the entry is named).</exception>
    public static Uri[] ParseServers(string urls)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);
        var entries = urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return entries.Length == 0
            ? throw new ArgumentException($"'{urls}' names no NATS server.", nameof(urls))
            : [.. entries.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"'{u}' is not a NATS server URL (e.g. nats://127.0.0.1:4222).", nameof(urls)))];
    }

    /// <summary>The connection name the server shows in its monitoring.</summary>
    public string Name { get; init; } = "ChatBotKit";

    /// <summary>User name for user/password authentication (also taken from a server URL's user info).</summary>
    public string? User { get; init; }

    /// <summary>Password for user/password authentication.</summary>
    public string? Password { get; init; }

    /// <summary>Token for token authentication.</summary>
    public string? Token { get; init; }

    /// <summary>Whether to upgrade to TLS even when the server does not require it (<c>tls://</c> URLs do too).</summary>
    public bool RequireTls { get; init; }

    /// <summary>Validates the server certificate instead of the system's trust store (for a private CA).</summary>
    public System.Net.Security.RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>Whether the server should deliver this connection's own publishes to its subscriptions.</summary>
    public bool Echo { get; init; } = true;

    /// <summary>Prefix of reply subjects for requests.</summary>
    public string InboxPrefix { get; init; } = "_INBOX";

    /// <summary>How long opening one server connection (TCP, TLS, CONNECT/PONG) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Default wait for a reply to a request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the client pings an otherwise quiet server.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Unanswered pings after which the connection counts as dead and is replaced.</summary>
    public int MaxPingsOut { get; init; } = 2;

    /// <summary>Delays between reconnect attempts.</summary>
    public NatsReconnectPolicy Reconnect { get; init; } = new();

    /// <summary>Publishes kept while disconnected and sent after the reconnect (seed 001: 100).</summary>
    public int ReconnectBufferSize { get; init; } = 100;

    /// <summary>What a publish does when the reconnect buffer is full.</summary>
    public NatsBufferFullMode ReconnectBufferFullMode { get; init; } = NatsBufferFullMode.DropOldest;

    /// <summary>Messages a subscription holds for a slow reader before it drops (and counts) new ones.</summary>
    public int SubscriptionCapacity { get; init; } = 16_384;

    /// <summary>Bytes of unsent commands above which publishers wait for the writer.</summary>
    public int WriterBufferSize { get; init; } = 1 << 20;

    /// <summary>Checks the options; the message names the setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Check(Servers.Count > 0 && Servers.All(s => s.Scheme is "nats" or "tls"), nameof(Servers), "needs at least one nats:// or tls:// URL");
        Check(!string.IsNullOrWhiteSpace(InboxPrefix), nameof(InboxPrefix), "must not be empty");
        Check(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Check(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive");
        Check(PingInterval > TimeSpan.Zero, nameof(PingInterval), "must be positive");
        Check(MaxPingsOut > 0, nameof(MaxPingsOut), "must be positive");
        Check(ReconnectBufferSize >= 0, nameof(ReconnectBufferSize), "must not be negative");
        Check(SubscriptionCapacity > 0, nameof(SubscriptionCapacity), "must be positive");
        Check(WriterBufferSize >= 4096, nameof(WriterBufferSize), "must be at least 4096");
        Reconnect.Validate();
    }

    private static void Check(bool ok, string setting, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"NatsOptions.{setting} {problem}.", setting);
        }
    }
}
