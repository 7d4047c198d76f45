using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ChatBotKit.Nats;
using NATS.Client.Core;

namespace ChatBotKit.CyTube.Tests;

/// <summary>Plays Kryten-Robot on a real NATS server: publishes events as it does and answers robot commands.</summary>
internal sealed class FakeKryten : IAsyncDisposable
{
    private readonly NatsConnection _nats;
    private readonly INatsSub<byte[]> _commands;
    private readonly Task _responder;

    private FakeKryten(NatsConnection nats, INatsSub<byte[]> commands, bool succeed)
    {
        _nats = nats;
        _commands = commands;
        _responder = Task.Run(async () =>
        {
            await foreach (var request in commands.Msgs.ReadAllAsync())
            {
                var command = JsonDocument.Parse(request.Data ?? []).RootElement.Clone();
                var channel = command.TryGetProperty("meta", out var meta) ? meta.GetProperty("channel").GetString() ?? "" : "";
                CorrelationHeaders[channel] = request.Headers?.TryGetLastValue("Correlation-Id", out var id) == true ? id : null;
                CommandsFor(channel).Writer.TryWrite(command);
                var reply = succeed
                    ? $$$"""{"service":"robot","command":"{{{command.GetProperty("command").GetString()}}}","success":true,"data":{}}"""
                    : """{"success":false,"error":"not logged in"}""";
                await nats.PublishAsync(request.ReplyTo!, Encoding.UTF8.GetBytes(reply));
            }
        });
    }

    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _commandsByChannel = new();

    /// <summary>The <c>Correlation-Id</c> header of the last command per channel.</summary>
    public ConcurrentDictionary<string, string?> CorrelationHeaders { get; } = new();

    public static async Task<FakeKryten> StartAsync(Uri server, bool succeed = true)
    {
        var nats = new NatsConnection(new NatsConnectionOptions { Servers = [server], Name = "fake-kryten" }.ToNatsOpts());
        await nats.ConnectAsync();
        var commands = await nats.SubscribeCoreAsync<byte[]>("kryten.robot.command");
        await nats.PingAsync();
        return new FakeKryten(nats, commands, succeed);
    }

    /// <summary>Publishes a socket.io event on the channel's subject inside Kryten's envelope.</summary>
    public async Task PublishEventAsync(string channel, string eventName, string payload)
    {
        var subject = $"kryten.events.cytube.{channel.ToLowerInvariant()}.{eventName.ToLowerInvariant()}";
        await _nats.PublishAsync(subject, Encoding.UTF8.GetBytes(KrytenEventMapperTests.Envelope(eventName, payload, channel)));
    }

    /// <summary>The next robot command whose <c>meta.channel</c> is <paramref name="channel"/>.</summary>
    public async Task<JsonElement> NextCommandAsync(string channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await CommandsFor(channel).Reader.ReadAsync(timeout.Token);
    }

    private Channel<JsonElement> CommandsFor(string channel) => _commandsByChannel.GetOrAdd(channel, _ => Channel.CreateUnbounded<JsonElement>());

    public async ValueTask DisposeAsync()
    {
        await _commands.DisposeAsync();
        await _responder;
        await _nats.DisposeAsync();
    }
}
