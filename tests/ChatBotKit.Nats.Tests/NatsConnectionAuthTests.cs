using ChatBotKit.Nats.Tests.Fixtures;

namespace ChatBotKit.Nats.Tests;

public sealed class NatsConnectionAuthTests
{
    [Fact]
    public async Task ConnectAsync_UserPassword_RightOnesConnectWrongOnesAreRefused()
    {
        await using var server = await NatsServer.StartAsync("--user", "bot", "--pass", "s3cret");
        var options = new NatsOptions { Servers = [server.Url], User = "bot", Password = "s3cret" };

        await using (var good = new NatsConnection(options))
        {
            await good.ConnectAsync();
            await good.PingAsync();
            good.State.Should().Be(NatsConnectionState.Connected);
        }

        await using var bad = new NatsConnection(options with { Password = "wrong" });
        var act = async () => await bad.ConnectAsync();
        (await act.Should().ThrowAsync<NatsServerErrorException>()).WithMessage("*Authorization Violation*");
    }

    [Fact]
    public async Task ConnectAsync_UserPasswordInUrl_Connects()
    {
        await using var server = await NatsServer.StartAsync("--user", "bot", "--pass", "s3cret");
        await using var connection = new NatsConnection(new NatsOptions { Servers = [new Uri($"nats://bot:s3cret@127.0.0.1:{server.Port}")] });

        await connection.ConnectAsync();

        connection.State.Should().Be(NatsConnectionState.Connected);
    }

    [Fact]
    public async Task ConnectAsync_Token_RightOneConnectsWrongOneIsRefused()
    {
        await using var server = await NatsServer.StartAsync("--auth", "t0ken");
        await using (var good = new NatsConnection(new NatsOptions { Servers = [server.Url], Token = "t0ken" }))
        {
            await good.ConnectAsync();
            await good.PingAsync();
        }

        await using var bad = new NatsConnection(new NatsOptions { Servers = [server.Url], Token = "nope" });
        var act = async () => await bad.ConnectAsync();
        await act.Should().ThrowAsync<NatsServerErrorException>();
    }

    [Fact]
    public async Task ConnectAsync_NoServerListening_ThrowsNatsException()
    {
        await using var connection = new NatsConnection(new NatsOptions { Servers = [new Uri($"nats://127.0.0.1:{ChatBotKit.Testing.LoopbackPort.GetFree()}")] });

        var act = async () => await connection.ConnectAsync();

        await act.Should().ThrowAsync<NatsException>().WithMessage("Could not connect*");
        connection.State.Should().Be(NatsConnectionState.Disconnected);
    }
}
