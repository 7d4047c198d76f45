using System.Globalization;
using System.Text;
using ChatBotKit.Nats.Tests.Fixtures;

namespace ChatBotKit.Nats.Tests;

public sealed class NatsConnectionReconnectTests
{
    private static NatsOptions Options(NatsServer server) => new()
    {
        Servers = [server.Url],
        Reconnect = new NatsReconnectPolicy { MinDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
    };

    [Fact]
    public async Task ServerRestartedUnderTraffic_Reconnects_Resubscribes_DeliversBufferedPublishes()
    {
        await using var server = await NatsServer.StartAsync();
        await using var connection = new NatsConnection(Options(server));
        await connection.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("re.data");
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                await connection.PublishAsync("re.traffic", Encoding.UTF8.GetBytes((i++).ToString(CultureInfo.InvariantCulture)));
                await Task.Delay(1);
            }
        });

        await server.KillAsync();
        await Wait.UntilAsync(() => connection.State == NatsConnectionState.Reconnecting, "the connection to notice");
        for (var i = 0; i < 5; i++)
        {
            await connection.PublishAsync("re.data", Encoding.UTF8.GetBytes($"buffered-{i}"));
        }

        await server.StartAsync();
        await Wait.UntilAsync(() => connection.State == NatsConnectionState.Connected, "the reconnect");

        var received = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            received.Add(Encoding.UTF8.GetString((await Wait.NextAsync(subscription)).Data.Span));
        }

        received.Should().Equal("buffered-0", "buffered-1", "buffered-2", "buffered-3", "buffered-4");
        connection.Reconnects.Should().Be(1);
        await connection.PublishAsync("re.data", "after"u8.ToArray());
        Encoding.UTF8.GetString((await Wait.NextAsync(subscription)).Data.Span).Should().Be("after");
        await stop.CancelAsync();
        await traffic;
    }

    [Fact]
    public async Task Disconnected_BufferFullDropOldest_KeepsNewestAndCountsDropped()
    {
        await using var server = await NatsServer.StartAsync();
        await using var connection = new NatsConnection(Options(server) with { ReconnectBufferSize = 3 });
        await connection.ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("re.drop");

        await server.KillAsync();
        await Wait.UntilAsync(() => connection.State == NatsConnectionState.Reconnecting, "the connection to notice");
        for (var i = 0; i < 5; i++)
        {
            await connection.PublishAsync("re.drop", new[] { (byte)('0' + i) });
        }

        connection.BufferedPublishes.Should().Be(3);
        connection.DroppedBufferedPublishes.Should().Be(2);
        await server.StartAsync();

        var received = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            received.Add(Encoding.ASCII.GetString((await Wait.NextAsync(subscription)).Data.Span));
        }

        received.Should().Equal("2", "3", "4");
    }

    [Fact]
    public async Task Disconnected_BufferFullFail_ThrowsAndCounts()
    {
        await using var server = await NatsServer.StartAsync();
        await using var connection = new NatsConnection(Options(server) with { ReconnectBufferSize = 2, ReconnectBufferFullMode = NatsBufferFullMode.Fail });
        await connection.ConnectAsync();

        await server.KillAsync();
        await Wait.UntilAsync(() => connection.State == NatsConnectionState.Reconnecting, "the connection to notice");
        await connection.PublishAsync("re.fail", "1"u8.ToArray());
        await connection.PublishAsync("re.fail", "2"u8.ToArray());
        var act = async () => await connection.PublishAsync("re.fail", "3"u8.ToArray());

        await act.Should().ThrowAsync<NatsBufferFullException>();
        connection.RejectedBufferedPublishes.Should().Be(1);
        connection.BufferedPublishes.Should().Be(2);
    }

    [Fact]
    public async Task DisposeAsync_WhileReconnectAttemptsAreRefused_DoesNotThrow()
    {
        await using var server = await NatsServer.StartAsync();
        var retryAtOnce = Options(server) with { Reconnect = new NatsReconnectPolicy { MinDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = TimeSpan.Zero } };
        var connections = Enumerable.Range(0, 50).Select(_ => new NatsConnection(retryAtOnce)).ToList();
        foreach (var connection in connections)
        {
            await connection.ConnectAsync();
        }

        await server.KillAsync();
        await Wait.UntilAsync(() => connections.All(c => c.State == NatsConnectionState.Reconnecting), "every connection to notice");

        // Each one is retrying in a tight loop, so disposal lands in the middle of a refused attempt.
        foreach (var connection in connections)
        {
            await connection.Invoking(c => c.DisposeAsync().AsTask()).Should().NotThrowAsync();
            connection.State.Should().Be(NatsConnectionState.Closed);
        }
    }

    [Fact]
    public async Task Cluster_SeedServerDies_FailsOverToLearnedServer()
    {
        int portA = ChatBotKit.Testing.LoopbackPort.GetFree(), portB = ChatBotKit.Testing.LoopbackPort.GetFree();
        int routeA = ChatBotKit.Testing.LoopbackPort.GetFree(), routeB = ChatBotKit.Testing.LoopbackPort.GetFree();
        await using var a = await NatsServer.StartOnAsync(portA, "--cluster_name", "t", "--cluster", $"nats://127.0.0.1:{routeA}", "--routes", $"nats://127.0.0.1:{routeB}");
        await using var b = await NatsServer.StartOnAsync(portB, "--cluster_name", "t", "--cluster", $"nats://127.0.0.1:{routeB}", "--routes", $"nats://127.0.0.1:{routeA}");
        await using var client = new NatsConnection(Options(a));
        await client.ConnectAsync();
        await Wait.UntilAsync(() => client.KnownServers.Any(s => s.Port == portB), "server B announced in INFO");
        await using var subscription = await client.SubscribeAsync("cluster.news");

        await a.KillAsync();
        await Wait.UntilAsync(() => client.ConnectedServer?.Port == portB, "fail-over to server B");
        await client.PingAsync();
        await using var publisher = new NatsConnection(Options(b));
        await publisher.ConnectAsync();
        await publisher.PublishAsync("cluster.news", "via B"u8.ToArray());

        Encoding.UTF8.GetString((await Wait.NextAsync(subscription)).Data.Span).Should().Be("via B");
        client.Reconnects.Should().Be(1);
    }
}
