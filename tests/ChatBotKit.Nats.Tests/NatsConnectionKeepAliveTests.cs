using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBotKit.Nats.Tests.Fixtures;
using ChatBotKit.Time;

namespace ChatBotKit.Nats.Tests;

/// <summary>Keepalive on virtual time, against a server that answers the handshake and then goes silent.</summary>
public sealed class NatsConnectionKeepAliveTests
{
    [Fact]
    public async Task KeepAlive_PingsUnanswered_ConnectionCountsAsStaleAndReconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var pings = 0;
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("INFO {\"server_id\":\"silent\",\"max_payload\":1048576,\"headers\":true}\r\n"));
            var buffer = new byte[4096];
            var answered = false;
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                var count = Encoding.ASCII.GetString(buffer, 0, read).Split("PING\r\n").Length - 1;
                if (!answered && count > 0)
                {
                    answered = true;
                    count--;
                    await stream.WriteAsync("PONG\r\n"u8.ToArray());
                }

                Interlocked.Add(ref pings, count);
            }
        });
        var clock = new VirtualClock();
        await using var connection = new NatsConnection(
            new NatsOptions { Servers = [new Uri($"nats://127.0.0.1:{port}")], PingInterval = TimeSpan.FromMinutes(1), MaxPingsOut = 2 },
            timeProvider: clock);
        await connection.ConnectAsync();

        await Wait.UntilAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                Thread.Sleep(100);
                return connection.State == NatsConnectionState.Reconnecting;
            },
            "the stale connection to be dropped");

        await Wait.UntilAsync(() => Volatile.Read(ref pings) >= 2, "both PINGs to reach the server");
        Volatile.Read(ref pings).Should().Be(2, "the third interval finds two PINGs unanswered and drops the connection instead of pinging again");
        listener.Stop();
        await server.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
