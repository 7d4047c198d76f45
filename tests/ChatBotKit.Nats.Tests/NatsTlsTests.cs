using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatBotKit.Nats.Tests.Fixtures;
using NATS.Client.Core;

namespace ChatBotKit.Nats.Tests;

/// <summary>Our TLS settings against a nats-server that requires TLS with a certificate from a private CA.</summary>
public sealed class NatsTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nats-tls-").FullName;

    [Fact]
    public async Task ConnectAsync_ServerRequiresTls_TrustsTheConfiguredCaAndTalks()
    {
        await using var server = await StartTlsServerAsync();
        var options = new NatsConnectionOptions { Servers = [server.Url], Tls = new NatsTlsSettings { CaFile = Path.Combine(_directory, "ca.pem") } };
        await using var connection = new NatsConnection(options.ToNatsOpts());

        await connection.ConnectAsync();
        await using var subscription = await connection.SubscribeCoreAsync<byte[]>("tls.echo");
        await connection.PingAsync();
        await connection.PublishAsync("tls.echo", "secret"u8.ToArray());

        (await Wait.NextAsync(subscription)).Data.Should().Equal("secret"u8.ToArray());
    }

    [Fact]
    public async Task ConnectAsync_UntrustedCertificate_Fails()
    {
        await using var server = await StartTlsServerAsync();
        var options = new NatsConnectionOptions { Servers = [server.Url], ConnectTimeout = TimeSpan.FromSeconds(3) };
        await using var connection = new NatsConnection(options.ToNatsOpts());

        await connection.Invoking(c => c.ConnectAsync().AsTask()).Should().ThrowAsync<NatsException>();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // A CA and a server certificate for 127.0.0.1 signed by it; nats-server requires TLS with the latter.
    private async Task<NatsServer> StartTlsServerAsync()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=ChatBotKit test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);

        await File.WriteAllTextAsync(Path.Combine(_directory, "ca.pem"), ca.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_directory, "cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return await NatsServer.StartAsync("--tls", "--tlscert", Path.Combine(_directory, "cert.pem"), "--tlskey", Path.Combine(_directory, "key.pem"));
    }
}
