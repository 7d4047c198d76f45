using System.Text.Json;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace ChatBotKit.Nats.Bus;

/// <summary>
/// The ingest side of the scale-out bus: publishes every event of a connected source to
/// <c>chatbotkit.events.{platform}.{channel}</c> and sends the replies workers publish on
/// <c>chatbotkit.commands.{platform}.&gt;</c> through that source.
/// </summary>
public sealed class ChatBusIngest
{
    private readonly INatsConnection _nats;
    private readonly IChatSource _source;
    private readonly ChatBusSubjects _subjects;
    private readonly ILogger _logger;
    private long _published;
    private long _replies;

    /// <summary>Creates the ingest for <paramref name="source"/> (connected by the caller) over <paramref name="nats"/>, a NATS.Net connection the caller owns.</summary>
    public ChatBusIngest(INatsConnection nats, IChatSource source, ChatBusSubjects? subjects = null, ILogger<ChatBusIngest>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(nats);
        ArgumentNullException.ThrowIfNull(source);
        _nats = nats;
        _source = source;
        _subjects = subjects ?? ChatBusSubjects.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Events published so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Replies sent through the source so far.</summary>
    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Forwards events and replies until cancelled or the source ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var commands = await _nats.SubscribeCoreAsync<byte[]>(_subjects.AllCommandsFor(_source.Platform), cancellationToken: cancellationToken).ConfigureAwait(false);
        var replies = Task.Run(() => SendRepliesAsync(commands, cancellationToken), CancellationToken.None);
        try
        {
            await foreach (var chatEvent in _source.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ChatEventCodec.Encode(chatEvent) is { } payload)
                {
                    await _nats.PublishAsync(_subjects.EventsFor(chatEvent.Platform, chatEvent.Channel), payload, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _published);
                }
            }
        }
        finally
        {
            await commands.DisposeAsync().ConfigureAwait(false);
            await replies.ConfigureAwait(false);
        }
    }

    private async Task SendRepliesAsync(INatsSub<byte[]> commands, CancellationToken cancellationToken)
    {
        await foreach (var command in commands.Msgs.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                var result = await _source.SendAsync(ChatEventCodec.DecodeReply(command.Data, _source.Platform), cancellationToken).ConfigureAwait(false);
                if (result.IsAccepted)
                {
                    Interlocked.Increment(ref _replies);
                }
                else
                {
                    BusLog.ReplySkipped(_logger, command.Subject, result.Reason!);
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ChatBotKitException)
            {
                BusLog.ReplySkipped(_logger, command.Subject, ex.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
