using System.Text;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace ChatBotKit.Nats;

/// <summary>
/// How ChatBotKit connects to NATS (through NATS.Net): servers, one way to authenticate, TLS and
/// reconnect pacing. Immutable; compare by value. Secrets belong in the environment: see
/// <see cref="FromEnvironment(string?)"/>. <see cref="ToString"/> never shows a password, token or
/// URL credentials.
/// </summary>
public sealed record NatsConnectionOptions
{
    /// <summary>Seed servers, tried in order; servers the cluster announces are added.</summary>
    public IReadOnlyList<Uri> Servers { get; init; } = [new Uri("nats://127.0.0.1:4222")];

    /// <summary>The connection name the server shows in its monitoring.</summary>
    public string Name { get; init; } = "ChatBotKit";

    /// <summary>User name for user/password authentication (also taken from a server URL's user info).</summary>
    public string? User { get; init; }

    /// <summary>Password for user/password authentication.</summary>
    public string? Password { get; init; }

    /// <summary>Token for token authentication.</summary>
    public string? Token { get; init; }

    /// <summary>File holding an NKey seed (<c>SU…</c>) for NKey authentication.</summary>
    public string? NKeySeedFile { get; init; }

    /// <summary>A <c>.creds</c> file (user JWT and NKey seed), as hosted NATS and <c>nsc</c> hand out.</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>TLS mode, private CA and client certificate.</summary>
    public NatsTlsSettings Tls { get; init; } = new();

    /// <summary>How long opening one server connection may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Default wait for a reply to a request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The delay before the first reconnect attempt after a lost connection; doubles up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between reconnect attempts.</summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect attempts after which the connection gives up; -1 never gives up.</summary>
    public int MaxReconnectAttempts { get; init; } = -1;

    /// <summary>Messages a subscription holds for a slow reader before new ones are dropped.</summary>
    public int SubscriptionCapacity { get; init; } = 16_384;

    /// <summary>
    /// Reads a comma-separated server list as people write it in <c>NATS_URL</c> or on a command line
    /// (<c>nats://a:4222, nats://b:4222</c>) for <see cref="Servers"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty, or an entry is not an absolute URL (the entry is named, without credentials).</exception>
    public static Uri[] ParseServers(string urls)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);
        var entries = urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return entries.Length == 0
            ? throw new ArgumentException("The NATS server list names no server.", nameof(urls))
            : [.. entries.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri : throw new ArgumentException($"'{NatsUrls.Redact(u)}' is not a NATS server URL (e.g. nats://127.0.0.1:4222).", nameof(urls)))];
    }

    /// <summary>
    /// Options for <paramref name="urls"/> (default <c>NATS_URL</c>, else <c>nats://127.0.0.1:4222</c>) with
    /// credentials and TLS files from the variables the <c>nats</c> CLI reads: <c>NATS_USER</c>,
    /// <c>NATS_PASSWORD</c>, <c>NATS_TOKEN</c>, <c>NATS_NKEY</c> (seed file), <c>NATS_CREDS</c>,
    /// <c>NATS_CA</c>, <c>NATS_CERT</c> and <c>NATS_KEY</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The server list is unusable.</exception>
    public static NatsConnectionOptions FromEnvironment(string? urls = null) => FromEnvironment(urls, Environment.GetEnvironmentVariable);

    /// <summary>Checks the options; the message names the setting (and a missing file's path), never a secret.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, a file is missing, or more than one way to authenticate is set.</exception>
    public void Validate() => NatsOptsMapping.Validate(this);

    /// <summary>
    /// The NATS.Net options these settings stand for; change them with <c>with</c> for what this record
    /// does not cover, and pass them where a <c>NatsOpts</c> is accepted.
    /// </summary>
    /// <param name="loggerFactory">Where NATS.Net logs; <see langword="null"/> logs nothing.</param>
    /// <exception cref="ArgumentException">See <see cref="Validate"/>.</exception>
    public NatsOpts ToNatsOpts(ILoggerFactory? loggerFactory = null) => NatsOptsMapping.Map(this, loggerFactory);

    internal static NatsConnectionOptions FromEnvironment(string? urls, Func<string, string?> variable)
    {
        string? Read(string name) => variable(name) is { Length: > 0 } value ? value : null;
        return new NatsConnectionOptions
        {
            Servers = ParseServers(urls ?? Read("NATS_URL") ?? "nats://127.0.0.1:4222"),
            User = Read("NATS_USER"),
            Password = Read("NATS_PASSWORD"),
            Token = Read("NATS_TOKEN"),
            NKeySeedFile = Read("NATS_NKEY"),
            CredentialsFile = Read("NATS_CREDS"),
            Tls = new NatsTlsSettings { CaFile = Read("NATS_CA"), ClientCertificateFile = Read("NATS_CERT"), ClientKeyFile = Read("NATS_KEY") },
        };
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Servers = ").AppendJoin(", ", Servers.Select(s => NatsUrls.Redact(s.OriginalString)));
        builder.Append(", Name = ").Append(Name);
        builder.Append(", User = ").Append(User);
        builder.Append(", Password = ").Append(Password is null ? "" : "***");
        builder.Append(", Token = ").Append(Token is null ? "" : "***");
        builder.Append(", NKeySeedFile = ").Append(NKeySeedFile);
        builder.Append(", CredentialsFile = ").Append(CredentialsFile);
        builder.Append(", Tls = ").Append(Tls);
        return true;
    }
}
