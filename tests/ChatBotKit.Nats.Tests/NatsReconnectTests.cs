using System.Globalization;
using System.Text;
using ChatBotKit.Nats.Tests.Fixtures;
using NATS.Client.Core;

namespace ChatBotKit.Nats.Tests;

/// <summary>What the bus relies on from NATS.Net, with the reconnect pacing our options set: restart, resubscribe, buffered publishes, fail-over.</summary>
public sealed class NatsReconnectTests
{
    private static NatsConnectionOptions Options(NatsServer server) => new()
    {
        Servers = [server.Url],
        ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task ServerRestartedUnderTraffic_Reconnects_Resubscribes_DeliversBufferedPublishes()
    {
        await using var server = await NatsServer.StartAsync();
        await using var connection = new NatsConnection(Options(server).ToNatsOpts());
        var reconnects = CountReconnects(connection);
        await connection.ConnectAsync();
        await using var subscription = await connection.SubscribeCoreAsync<byte[]>("re.data");
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
        await Wait.UntilAsync(() => connection.ConnectionState == NatsConnectionState.Reconnecting, "the connection to notice");

        // NATS.Net holds a publish made while disconnected until the reconnect; one publisher, in order, as the ingest does.
        var buffered = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await connection.PublishAsync("re.data", Encoding.UTF8.GetBytes($"buffered-{i}"));
            }
        });

        await server.StartAsync();
        await buffered.WaitAsync(Wait.Patience);
        await Wait.UntilAsync(() => connection.ConnectionState == NatsConnectionState.Open, "the reconnect");

        var received = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            received.Add(Encoding.UTF8.GetString((await Wait.NextAsync(subscription)).Data!));
        }

        received.Should().Equal("buffered-0", "buffered-1", "buffered-2", "buffered-3", "buffered-4");
        reconnects().Should().Be(1);
        await connection.PublishAsync("re.data", "after"u8.ToArray());
        Encoding.UTF8.GetString((await Wait.NextAsync(subscription)).Data!).Should().Be("after");
        await stop.CancelAsync();
        await traffic;
    }

    [Fact]
    public async Task DisposeAsync_WhileReconnectAttemptsAreRefused_DoesNotThrow()
    {
        await using var server = await NatsServer.StartAsync();
        var retryAtOnce = Options(server) with { ReconnectDelayMin = TimeSpan.Zero, ReconnectDelayMax = TimeSpan.Zero };
        var connections = Enumerable.Range(0, 50).Select(_ => new NatsConnection(retryAtOnce.ToNatsOpts() with { ReconnectJitter = TimeSpan.Zero })).ToList();
        foreach (var connection in connections)
        {
            await connection.ConnectAsync();
        }

        await server.KillAsync();
        await Wait.UntilAsync(() => connections.All(c => c.ConnectionState == NatsConnectionState.Reconnecting), "every connection to notice");

        // Each one is retrying in a tight loop, so disposal lands in the middle of a refused attempt.
        foreach (var connection in connections)
        {
            await connection.Invoking(c => c.DisposeAsync().AsTask()).Should().NotThrowAsync();

            // NATS.Net leaves ConnectionState at Reconnecting after disposal; closed shows as refusing to publish.
            await connection.Invoking(c => c.PublishAsync("re.closed", "late"u8.ToArray()).AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        }
    }

    [Fact]
    public async Task Cluster_SeedServerDies_FailsOverToLearnedServer()
    {
        int portA = ChatBotKit.Testing.LoopbackPort.GetFree(), portB = ChatBotKit.Testing.LoopbackPort.GetFree();
        int routeA = ChatBotKit.Testing.LoopbackPort.GetFree(), routeB = ChatBotKit.Testing.LoopbackPort.GetFree();
        await using var a = await NatsServer.StartOnAsync(portA, "--cluster_name", "t", "--cluster", $"nats://127.0.0.1:{routeA}", "--routes", $"nats://127.0.0.1:{routeB}");
        await using var b = await NatsServer.StartOnAsync(portB, "--cluster_name", "t", "--cluster", $"nats://127.0.0.1:{routeB}", "--routes", $"nats://127.0.0.1:{routeA}");
        await using var client = new NatsConnection(Options(a).ToNatsOpts());
        var reconnects = CountReconnects(client);
        await client.ConnectAsync();
        await Wait.UntilAsync(() => client.ServerInfo?.ClientConnectUrls?.Any(u => u.EndsWith($":{portB}", StringComparison.Ordinal)) == true, "server B announced in INFO");
        await using var subscription = await client.SubscribeCoreAsync<byte[]>("cluster.news");

        await a.KillAsync();
        await Wait.UntilAsync(() => client.ConnectionState == NatsConnectionState.Open && client.ServerInfo?.Port == portB, "fail-over to server B");
        await client.PingAsync();
        await using var publisher = new NatsConnection(Options(b).ToNatsOpts());
        await publisher.ConnectAsync();
        await publisher.PublishAsync("cluster.news", "via B"u8.ToArray());

        Encoding.UTF8.GetString((await Wait.NextAsync(subscription)).Data!).Should().Be("via B");
        reconnects().Should().Be(1);
    }

    /// <summary>Counts the connection's openings after its first one.</summary>
    private static Func<int> CountReconnects(NatsConnection connection)
    {
        var opened = 0;
        connection.ConnectionOpened += (_, _) =>
        {
            Interlocked.Increment(ref opened);
            return ValueTask.CompletedTask;
        };
        return () => Math.Max(0, Volatile.Read(ref opened) - 1);
    }
}
