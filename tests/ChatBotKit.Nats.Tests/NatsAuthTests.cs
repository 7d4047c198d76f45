using ChatBotKit.Nats.Tests.Fixtures;
using NATS.Client.Core;

namespace ChatBotKit.Nats.Tests;

/// <summary>Our options against a real nats-server started with user/password or token auth.</summary>
public sealed class NatsAuthTests
{
    [Fact]
    public async Task ConnectAsync_UserPassword_RightOnesConnectWrongOnesAreRefused()
    {
        await using var server = await NatsServer.StartAsync("--user", "bot", "--pass", "s3cret");
        var options = new NatsConnectionOptions { Servers = [server.Url], User = "bot", Password = "s3cret" };

        await using (var good = new NatsConnection(options.ToNatsOpts()))
        {
            await good.ConnectAsync();
            await good.PingAsync();
            good.ConnectionState.Should().Be(NatsConnectionState.Open);
        }

        await using var bad = new NatsConnection((options with { Password = "wr0ng" }).ToNatsOpts());
        var refused = (await bad.Invoking(c => c.ConnectAsync().AsTask()).Should().ThrowAsync<NatsException>()).Which;
        refused.ToString().Should().Contain("Authorization Violation").And.NotContain("wr0ng");
    }

    [Fact]
    public async Task ConnectAsync_UserPasswordInUrl_ConnectsAndKeepsThemOutOfTheUrl()
    {
        await using var server = await NatsServer.StartAsync("--user", "bot", "--pass", "s3cret");
        var options = new NatsConnectionOptions { Servers = NatsConnectionOptions.ParseServers($"nats://bot:s3cret@127.0.0.1:{server.Port}") };
        var opts = options.ToNatsOpts();
        await using var connection = new NatsConnection(opts);

        await connection.ConnectAsync();

        connection.ConnectionState.Should().Be(NatsConnectionState.Open);
        opts.Url.Should().NotContain("s3cret");
        options.ToString().Should().NotContain("s3cret");
    }

    [Fact]
    public async Task ConnectAsync_Token_RightOneConnectsWrongOneIsRefused()
    {
        await using var server = await NatsServer.StartAsync("--auth", "t0ken");
        var options = new NatsConnectionOptions { Servers = [server.Url], Token = "t0ken" };
        await using (var good = new NatsConnection(options.ToNatsOpts()))
        {
            await good.ConnectAsync();
            await good.PingAsync();
        }

        await using var bad = new NatsConnection((options with { Token = "n0pe" }).ToNatsOpts());
        var refused = (await bad.Invoking(c => c.ConnectAsync().AsTask()).Should().ThrowAsync<NatsException>()).Which;
        refused.ToString().Should().NotContain("n0pe");
    }

    [Fact]
    public async Task ConnectAsync_NKeySeedFile_SignsTheChallengeAndConnects()
    {
        using var user = NATS.NKeys.KeyPair.CreatePair(NATS.NKeys.PrefixByte.User);
        var directory = Directory.CreateTempSubdirectory("nats-nkey-").FullName;
        try
        {
            var config = Path.Combine(directory, "server.conf");
            await File.WriteAllTextAsync(config, $"authorization {{ users = [ {{ nkey: {user.GetPublicKey()} }} ] }}");
            var seed = Path.Combine(directory, "bot.nk");
            await File.WriteAllTextAsync(seed, user.GetSeed());
            await using var server = await NatsServer.StartAsync("-c", config);

            await using (var good = new NatsConnection(new NatsConnectionOptions { Servers = [server.Url], NKeySeedFile = seed }.ToNatsOpts()))
            {
                await good.ConnectAsync();
                await good.PingAsync();
            }

            await using var anonymous = new NatsConnection(new NatsConnectionOptions { Servers = [server.Url] }.ToNatsOpts());
            await anonymous.Invoking(c => c.ConnectAsync().AsTask()).Should().ThrowAsync<NatsException>();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task BusWorker_TokenFromOptions_ReceivesEventsOnAnAuthenticatedServer()
    {
        await using var server = await NatsServer.StartAsync("--auth", "t0ken");
        var options = new NatsConnectionOptions { Servers = [server.Url], Token = "t0ken" };
        var subjects = new ChatBotKit.Nats.Bus.ChatBusSubjects($"t{Guid.NewGuid():N}.events", $"t{Guid.NewGuid():N}.commands");
        await using var worker = new ChatBotKit.Nats.Bus.ChatBusSource(options, subjects);
        await worker.ConnectAsync();
        await using var events = worker.ReadEventsAsync().GetAsyncEnumerator();
        await using var publisher = new NatsConnection(options.ToNatsOpts());

        await publisher.PublishAsync(subjects.Events + ".twitch.room", ChatBotKit.Nats.Bus.ChatEventCodec.Encode(ChatBotKit.Tests.Fakes.Events.Message("ann", "hello")));

        using var timeout = new CancellationTokenSource(Wait.Patience);
        (await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token)).Should().BeTrue();
        events.Current.Should().BeOfType<ChatBotKit.Events.MessageReceived>().Which.Text.Should().Be("hello");
    }

    [Fact]
    public async Task ConnectAsync_NoServerListening_ThrowsNatsException()
    {
        var options = new NatsConnectionOptions { Servers = [new Uri($"nats://127.0.0.1:{ChatBotKit.Testing.LoopbackPort.GetFree()}")] };
        await using var connection = new NatsConnection(options.ToNatsOpts());

        await connection.Invoking(c => c.ConnectAsync().AsTask()).Should().ThrowAsync<NatsException>();
        connection.ConnectionState.Should().NotBe(NatsConnectionState.Open);
    }
}
