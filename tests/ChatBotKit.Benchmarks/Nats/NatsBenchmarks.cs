using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ChatBotKit.Nats;
using ChatBotKit.Nats.Tests.Fixtures;
using NATS.Client.Core;

namespace ChatBotKit.Benchmarks.Nats;

/// <summary>
/// NATS.Net, connected through our <see cref="NatsConnectionOptions"/>, against a real nats-server on
/// loopback, shaped like the nats.js peer harness: publish → receive of 128-byte messages on one
/// connection, and sequential request/reply with the responder on a second connection in the same process.
/// Allocated bytes per message come from the memory diagnoser.
/// </summary>
[MemoryDiagnoser]
public class NatsBenchmarks
{
    private const int Messages = 100_000;
    private readonly byte[] _payload = new byte[128];
    private readonly List<long> _rtt = new(1_000_000);
    private NatsServer? _server;
    private NatsConnection? _connection;
    private NatsConnection? _responderConnection;
    private INatsSub<byte[]>? _subscription;
    private INatsSub<byte[]>? _requests;
    private Task? _responder;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await NatsServer.StartAsync();
        var options = new NatsConnectionOptions { Servers = [_server.Url], SubscriptionCapacity = Messages * 2 };
        _connection = new NatsConnection(options.ToNatsOpts());
        await _connection.ConnectAsync();
        _subscription = await _connection.SubscribeCoreAsync<byte[]>("bench.pubsub");
        _responderConnection = new NatsConnection(options.ToNatsOpts());
        await _responderConnection.ConnectAsync();
        _requests = await _responderConnection.SubscribeCoreAsync<byte[]>("bench.rpc");
        await _responderConnection.PingAsync();
        var requests = _requests;
        _responder = Task.Run(async () =>
        {
            await foreach (var request in requests.Msgs.ReadAllAsync())
            {
                await request.ReplyAsync(request.Data);
            }
        });
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "publish→receive 128 B, one connection (per message)")]
    public async Task PublishReceive()
    {
        var connection = _connection!;
        var reader = _subscription!.Msgs;
        var receive = Task.Run(async () =>
        {
            for (var received = 0; received < Messages;)
            {
                await reader.WaitToReadAsync();
                while (received < Messages && reader.TryRead(out _))
                {
                    received++;
                }
            }
        });
        for (var i = 0; i < Messages; i++)
        {
            var pending = connection.PublishAsync("bench.pubsub", _payload);
            if (!pending.IsCompletedSuccessfully)
            {
                await pending;
            }
        }

        await receive;
    }

    [Benchmark(Description = "sequential request/reply 128 B")]
    public async Task RequestReply()
    {
        var started = Stopwatch.GetTimestamp();
        await _connection!.RequestAsync<byte[], byte[]>("bench.rpc", _payload);
        _rtt.Add(Stopwatch.GetTimestamp() - started);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_rtt.Count > 0)
        {
            _rtt.Sort();
            double Us(double q) => _rtt[(int)(q * (_rtt.Count - 1))] * 1e6 / Stopwatch.Frequency;
            Console.WriteLine($"// request/reply round trips: {_rtt.Count}, p50 {Us(0.5):0} µs, p99 {Us(0.99):0} µs, p99.9 {Us(0.999):0} µs");
        }

        await _requests!.DisposeAsync();
        await _responder!;
        await _responderConnection!.DisposeAsync();
        await _connection!.DisposeAsync();
        await _server!.DisposeAsync();
    }
}
