using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatBotKit.Nats.Tests.Fixtures;

namespace ChatBotKit.Nats.Tests;

public sealed class NatsConnectionTlsTests
{
    [Fact]
    public async Task ConnectAsync_ServerRequiresTls_UpgradesAndTalks()
    {
        var (server, thumbprint) = await StartTlsServerAsync();
        await using var _ = server;
        await using var connection = new NatsConnection(new NatsOptions
        {
            Servers = [server.Url],
            CertificateValidation = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint,
        });

        await connection.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("tls.echo");
        await connection.PublishAsync("tls.echo", "secret"u8.ToArray());

        (await Wait.NextAsync(subscription)).Data.ToArray().Should().Equal("secret"u8.ToArray());
    }

    [Fact]
    public async Task ConnectAsync_UntrustedCertificate_Fails()
    {
        var (server, _) = await StartTlsServerAsync();
        await using var _ = server;
        await using var connection = new NatsConnection(new NatsOptions { Servers = [server.Url] });

        var act = async () => await connection.ConnectAsync();

        await act.Should().ThrowAsync<NatsException>();
    }

    // A nats-server that requires TLS with a fresh self-signed certificate for 127.0.0.1.
    private static async Task<(NatsServer Server, string Thumbprint)> StartTlsServerAsync()
    {
        var directory = Directory.CreateTempSubdirectory("nats-tls-").FullName;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(directory, "cert.pem");
        var keyPath = Path.Combine(directory, "key.pem");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (await NatsServer.StartAsync("--tls", "--tlscert", certPath, "--tlskey", keyPath), certificate.GetCertHashString());
    }
}
