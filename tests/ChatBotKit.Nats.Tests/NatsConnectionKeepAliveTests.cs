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

        // One interval at a time, each given time to reach the server before the next: a PING still
        // queued when the third interval drops the session would never be sent.
        await AdvanceUntilAsync(clock, () => Volatile.Read(ref pings) >= 1, "the first PING to reach the server");
        await AdvanceUntilAsync(clock, () => Volatile.Read(ref pings) >= 2, "the second PING to reach the server");
        connection.State.Should().Be(NatsConnectionState.Connected, "two PINGs are allowed out");
        await AdvanceUntilAsync(clock, () => connection.State == NatsConnectionState.Reconnecting, "the stale connection to be dropped");

        Volatile.Read(ref pings).Should().Be(2, "the third interval finds two PINGs unanswered and drops the connection instead of pinging again");
        listener.Stop();
        await server.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Moves the clock one ping interval at a time, waiting a few seconds after each for <paramref name="condition"/>.</summary>
    private static async Task AdvanceUntilAsync(VirtualClock clock, Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait.Patience;
        while (true)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var settle = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (DateTime.UtcNow < settle)
            {
                if (condition())
                {
                    return;
                }

                await Task.Delay(20);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }
        }
    }
}
