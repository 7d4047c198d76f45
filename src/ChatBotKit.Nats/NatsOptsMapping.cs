using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace ChatBotKit.Nats;

/// <summary>Turns <see cref="NatsConnectionOptions"/> into NATS.Net's <see cref="NatsOpts"/>, after checking them.</summary>
internal static class NatsOptsMapping
{
    public static NatsOpts Map(NatsConnectionOptions options, ILoggerFactory? loggerFactory)
    {
        Validate(options);
        var (urlUser, urlPassword, urlToken) = NatsUrls.Credentials(options.Servers);
        var tls = options.Tls;
        return NatsOpts.Default with
        {
            Url = string.Join(',', options.Servers.Select(NatsUrls.WithoutCredentials)),
            Name = options.Name,
            NoRandomize = true,
            LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance,
            AuthOpts = NatsAuthOpts.Default with
            {
                Username = options.User ?? urlUser,
                Password = options.Password ?? urlPassword,
                Token = options.Token ?? urlToken,
                AuthCredCallback = options.NKeySeedFile is { } seedFile ? (_, cancellationToken) => NKeySeed.ReadAsync(seedFile, cancellationToken) : null,
                CredsFile = options.CredentialsFile,
            },
            TlsOpts = NatsTlsOpts.Default with
            {
                Mode = tls.Mode switch
                {
                    NatsTlsMode.Require => TlsMode.Require,
                    NatsTlsMode.Implicit => TlsMode.Implicit,
                    NatsTlsMode.Disable => TlsMode.Disable,
                    _ => TlsMode.Auto,
                },
                CaFile = tls.CaFile,
                CertFile = tls.ClientCertificateFile,
                KeyFile = tls.ClientKeyFile,
            },
            ConnectTimeout = options.ConnectTimeout,
            RequestTimeout = options.RequestTimeout,
            ReconnectWaitMin = options.ReconnectDelayMin,
            ReconnectWaitMax = options.ReconnectDelayMax,
            MaxReconnectRetry = options.MaxReconnectAttempts,
            SubPendingChannelCapacity = options.SubscriptionCapacity,
        };
    }

    public static void Validate(NatsConnectionOptions options)
    {
        Check(options.Servers.Count > 0 && options.Servers.All(s => s.Scheme is "nats" or "tls"), nameof(options.Servers), "needs at least one nats:// or tls:// URL");
        Check(!string.IsNullOrWhiteSpace(options.Name), nameof(options.Name), "must not be empty");
        Check(options.ConnectTimeout > TimeSpan.Zero, nameof(options.ConnectTimeout), "must be positive");
        Check(options.RequestTimeout > TimeSpan.Zero, nameof(options.RequestTimeout), "must be positive");
        Check(options.ReconnectDelayMin >= TimeSpan.Zero, nameof(options.ReconnectDelayMin), "must not be negative");
        Check(options.ReconnectDelayMax >= options.ReconnectDelayMin, nameof(options.ReconnectDelayMax), "must not be less than ReconnectDelayMin");
        Check(options.MaxReconnectAttempts >= -1, nameof(options.MaxReconnectAttempts), "must be -1 (never give up) or more");
        Check(options.SubscriptionCapacity > 0, nameof(options.SubscriptionCapacity), "must be positive");
        Check(options.Password is null || options.User is not null, nameof(options.Password), "is set without a User");
        var inUrl = options.Servers.Any(s => s.UserInfo.Length > 0);
        var ways = new[] { options.User is not null || inUrl, options.Token is not null, options.NKeySeedFile is not null, options.CredentialsFile is not null }.Count(set => set);
        Check(ways <= 1, "User/Token/NKeySeedFile/CredentialsFile", "are alternatives: set one way to authenticate (credentials in a server URL count as one)");
        CheckFile(options.NKeySeedFile, nameof(options.NKeySeedFile));
        CheckFile(options.CredentialsFile, nameof(options.CredentialsFile));
        CheckFile(options.Tls.CaFile, "Tls.CaFile");
        CheckFile(options.Tls.ClientCertificateFile, "Tls.ClientCertificateFile");
        CheckFile(options.Tls.ClientKeyFile, "Tls.ClientKeyFile");
        Check((options.Tls.ClientCertificateFile is null) == (options.Tls.ClientKeyFile is null), "Tls.ClientCertificateFile", "and Tls.ClientKeyFile go together");
    }

    private static void CheckFile(string? path, string setting) =>
        Check(path is null || File.Exists(path), setting, $"names '{path}', which does not exist");

    private static void Check(bool ok, string setting, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"NatsConnectionOptions.{setting} {problem}.", setting);
        }
    }
}
