using NATS.Client.Core;

namespace ChatBotKit.Nats.Tests;

/// <summary>How our options turn into NATS.Net's: servers, credentials, TLS, pacing, and what they refuse.</summary>
public sealed class NatsConnectionOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nats-options-").FullName;

    [Fact]
    public void ParseServers_CommaSeparatedWithSpaces_ReadsEachInOrder()
    {
        var servers = NatsConnectionOptions.ParseServers(" nats://a:4222, tls://b:4443 ,");

        servers.Should().Equal(new Uri("nats://a:4222"), new Uri("tls://b:4443"));
    }

    [Theory]
    [InlineData(" , ", "names no server")]
    [InlineData("nats://a:4222,not a url", "'not a url' is not a NATS server URL")]
    [InlineData("nats://bot:pa55@a:4222,nats:/b", "'nats:/b' is not a NATS server URL")]
    public void ParseServers_Unusable_NamesTheProblem(string urls, string message)
    {
        var act = () => NatsConnectionOptions.ParseServers(urls);

        act.Should().Throw<ArgumentException>().WithMessage($"*{message}*").Which.Message.Should().NotContain("pa55");
    }

    [Fact]
    public void ToNatsOpts_SeveralServers_KeepsTheirOrderWithoutRandomizing()
    {
        var opts = new NatsConnectionOptions { Servers = NatsConnectionOptions.ParseServers("nats://a:4222,tls://b:4443,nats://c"), Name = "w1" }.ToNatsOpts();

        opts.Url.Should().Be("nats://a:4222,tls://b:4443,nats://c:4222");
        opts.NoRandomize.Should().BeTrue();
        opts.Name.Should().Be("w1");
    }

    [Fact]
    public void ToNatsOpts_UserPasswordInUrl_MovedIntoAuthOpts()
    {
        var options = new NatsConnectionOptions { Servers = NatsConnectionOptions.ParseServers("nats://bot:p%40ss@a:4222,nats://b:4222") };

        var opts = options.ToNatsOpts();

        opts.Url.Should().Be("nats://a:4222,nats://b:4222");
        (opts.AuthOpts.Username, opts.AuthOpts.Password).Should().Be(("bot", "p@ss"));
        options.ToString().Should().NotContain("p%40ss").And.Contain("***@a:4222");
    }

    [Fact]
    public void ToNatsOpts_UserPasswordAndToken_MappedAndNeverPrinted()
    {
        var withPassword = new NatsConnectionOptions { User = "bot", Password = "s3cret" };
        var withToken = new NatsConnectionOptions { Token = "t0ken" };

        (withPassword.ToNatsOpts().AuthOpts.Username, withPassword.ToNatsOpts().AuthOpts.Password).Should().Be(("bot", "s3cret"));
        withToken.ToNatsOpts().AuthOpts.Token.Should().Be("t0ken");
        withPassword.ToString().Should().Contain("User = bot").And.NotContain("s3cret");
        withToken.ToString().Should().NotContain("t0ken");
    }

    [Fact]
    public void ToNatsOpts_CredsFile_GoesToAuthOptsCredsFileAlone()
    {
        var creds = File(".creds");

        var auth = new NatsConnectionOptions { CredentialsFile = creds }.ToNatsOpts().AuthOpts;

        auth.CredsFile.Should().Be(creds);
        (auth.NKeyFile, auth.Username, auth.Token, auth.Jwt).Should().Be((null, null, null, null));
    }

    [Fact]
    public async Task ToNatsOpts_NKeySeedFile_ReadAtConnectFromASeedOnlyFile()
    {
        using var user = NATS.NKeys.KeyPair.CreatePair(NATS.NKeys.PrefixByte.User);
        var seed = File("bot.nk", user.GetSeed() + "\n");

        var auth = new NatsConnectionOptions { NKeySeedFile = seed }.ToNatsOpts().AuthOpts;

        (auth.Seed, auth.NKeyFile, auth.CredsFile).Should().Be((null, null, null), "the seed stays in its file until a connection opens");
        auth.AuthCredCallback.Should().NotBeNull();
        var credential = await auth.AuthCredCallback!(new Uri("nats://a:4222"), CancellationToken.None);
        credential.Should().Be(NatsAuthCred.FromNkey(user.GetSeed()));
    }

    [Fact]
    public async Task ToNatsOpts_NKeySeedFileWithoutSeed_FailsNamingTheSetting()
    {
        var file = File("empty.nk", "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4\n");
        var callback = new NatsConnectionOptions { NKeySeedFile = file }.ToNatsOpts().AuthOpts.AuthCredCallback!;

        await callback.Invoking(c => c(new Uri("nats://a:4222"), CancellationToken.None).AsTask()).Should().ThrowAsync<NatsException>().WithMessage("*NatsConnectionOptions.NKeySeedFile*holds no seed*");
    }

    [Fact]
    public void ToNatsOpts_Tls_MapsModeCaAndClientCertificate()
    {
        var (ca, cert, key) = (File("ca.pem"), File("cert.pem"), File("key.pem"));

        var tls = new NatsConnectionOptions { Tls = new NatsTlsSettings { Mode = NatsTlsMode.Require, CaFile = ca, ClientCertificateFile = cert, ClientKeyFile = key } }.ToNatsOpts().TlsOpts;

        (tls.Mode, tls.CaFile, tls.CertFile, tls.KeyFile).Should().Be((TlsMode.Require, ca, cert, key));
        new NatsConnectionOptions { Tls = new() { Mode = NatsTlsMode.Implicit } }.ToNatsOpts().TlsOpts.Mode.Should().Be(TlsMode.Implicit);
        new NatsConnectionOptions().ToNatsOpts().TlsOpts.Mode.Should().Be(TlsMode.Auto);
    }

    [Fact]
    public void ToNatsOpts_ReconnectAndTimeouts_Mapped()
    {
        var opts = new NatsConnectionOptions
        {
            ConnectTimeout = TimeSpan.FromSeconds(3),
            RequestTimeout = TimeSpan.FromSeconds(7),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(10),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            MaxReconnectAttempts = 9,
            SubscriptionCapacity = 64,
        }.ToNatsOpts();

        (opts.ConnectTimeout, opts.RequestTimeout, opts.ReconnectWaitMin, opts.ReconnectWaitMax).Should().Be((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1)));
        (opts.MaxReconnectRetry, opts.SubPendingChannelCapacity).Should().Be((9, 64));
    }

    [Theory]
    [InlineData("password-alone", "NatsConnectionOptions.Password is set without a User")]
    [InlineData("token-and-user", "NatsConnectionOptions.User/Token/NKeySeedFile/CredentialsFile are alternatives*")]
    [InlineData("token-and-url-user", "NatsConnectionOptions.User/Token/NKeySeedFile/CredentialsFile are alternatives*")]
    [InlineData("missing-creds", "NatsConnectionOptions.CredentialsFile names '/nonexistent/bot.creds', which does not exist.")]
    [InlineData("missing-ca", "NatsConnectionOptions.Tls.CaFile names '/nonexistent/ca.pem', which does not exist.")]
    [InlineData("cert-without-key", "NatsConnectionOptions.Tls.ClientCertificateFile and Tls.ClientKeyFile go together.")]
    [InlineData("http-url", "NatsConnectionOptions.Servers needs at least one nats:// or tls:// URL.")]
    [InlineData("backwards-delays", "NatsConnectionOptions.ReconnectDelayMax must not be less than ReconnectDelayMin.")]
    public void Validate_Unusable_NamesTheSettingNotTheSecret(string setup, string message)
    {
        var options = setup switch
        {
            "password-alone" => new NatsConnectionOptions { Password = "s3cret" },
            "token-and-user" => new NatsConnectionOptions { User = "bot", Password = "s3cret", Token = "t0ken" },
            "token-and-url-user" => new NatsConnectionOptions { Servers = [new Uri("nats://bot:s3cret@a:4222")], Token = "t0ken" },
            "missing-creds" => new NatsConnectionOptions { CredentialsFile = "/nonexistent/bot.creds" },
            "missing-ca" => new NatsConnectionOptions { Tls = new() { CaFile = "/nonexistent/ca.pem" } },
            "cert-without-key" => new NatsConnectionOptions { Tls = new() { ClientCertificateFile = File("cert.pem") } },
            "http-url" => new NatsConnectionOptions { Servers = [new Uri("http://a:4222")] },
            _ => new NatsConnectionOptions { ReconnectDelayMin = TimeSpan.FromSeconds(2), ReconnectDelayMax = TimeSpan.FromSeconds(1) },
        };

        var thrown = options.Invoking(o => o.ToNatsOpts()).Should().Throw<ArgumentException>().WithMessage($"{message}*").Which;
        thrown.Message.Should().NotContain("s3cret").And.NotContain("t0ken");
    }

    [Fact]
    public void FromEnvironment_ReadsTheNatsCliVariables()
    {
        var creds = File("bot.creds");
        var variables = new Dictionary<string, string>
        {
            ["NATS_URL"] = "nats://a:4222, nats://b:4222",
            ["NATS_CREDS"] = creds,
            ["NATS_CA"] = "/etc/ca.pem",
            ["NATS_TOKEN"] = "",
        };

        var options = NatsConnectionOptions.FromEnvironment(null, n => variables.GetValueOrDefault(n));

        options.Servers.Should().Equal(new Uri("nats://a:4222"), new Uri("nats://b:4222"));
        options.CredentialsFile.Should().Be(creds);
        options.Tls.CaFile.Should().Be("/etc/ca.pem");
        options.Token.Should().BeNull("an empty variable is unset");
        NatsConnectionOptions.FromEnvironment("nats://c:4222", _ => null).Servers.Should().Equal(new Uri("nats://c:4222"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name, string content = "placeholder")
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }
}
