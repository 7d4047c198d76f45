using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Nats.Bus;

/// <summary>
/// The worker side of the scale-out bus: a chat source whose events come from
/// <c>chatbotkit.events.&gt;</c> in a queue group (each event reaches one worker) and whose replies go to
/// <c>chatbotkit.commands.{platform}.{channel}</c>, where the ingest sends them on. Run a
/// <see cref="Engine.ChatBotEngine"/> over it in each worker process.
/// </summary>
public sealed class ChatBusSource : ChatSourceBase
{
    private readonly NatsConnection _nats;
    private readonly ChatBusSubjects _subjects;
    private readonly bool _ownsConnection;
    private readonly ConcurrentDictionary<string, ChatPlatform> _platforms = new(StringComparer.Ordinal);
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(2);
    private NatsSubscription? _events;

    /// <summary>Creates a worker source over <paramref name="nats"/> (connected by the caller).</summary>
    public ChatBusSource(NatsConnection nats, ChatBusSubjects? subjects = null, PlatformLimits? limits = null, ILogger<ChatBusSource>? logger = null)
        : base(new ChatPlatform("bus"), limits ?? PlatformLimits.Default, logger ?? (ILogger)NullLogger.Instance)
    {
        ArgumentNullException.ThrowIfNull(nats);
        _nats = nats;
        _subjects = subjects ?? ChatBusSubjects.Default;
    }

    /// <summary>
    /// Creates a worker source with its own connection to <paramref name="options"/>' servers, opened on
    /// <see cref="ChatSourceBase.ConnectAsync"/> and closed on dispose; the form a host's source registration uses.
    /// </summary>
    public ChatBusSource(NatsOptions options, ChatBusSubjects? subjects = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(new NatsConnection(options, loggerFactory?.CreateLogger<NatsConnection>(), timeProvider), subjects, logger: loggerFactory?.CreateLogger<ChatBusSource>()) =>
        _ownsConnection = true;

    /// <summary>Events received by this worker.</summary>
    public long Received { get; private set; }

    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        if (_ownsConnection && _nats.State != NatsConnectionState.Connected)
        {
            await _nats.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }

        _events = await _nats.SubscribeAsync(_subjects.Events + ".>", _subjects.WorkerQueue, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = _events ?? throw new InvalidOperationException("Not connected.");
        await foreach (var message in events.Messages.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            ChatEvent? chatEvent = null;
            try
            {
                chatEvent = ChatEventCodec.Decode(message.Data.Span);
            }
            catch (JsonException ex)
            {
                BusLog.EventSkipped(Logger, message.Subject, ex.Message);
            }

            if (chatEvent is not null)
            {
                Received++;
                _platforms[chatEvent.Channel] = chatEvent.Platform;
                yield return chatEvent;
            }
        }
    }

    /// <inheritdoc />
    protected override ValueTask SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var platform = message.Platform ?? (_platforms.TryGetValue(message.Channel, out var known) ? known : Platform);
        return _nats.PublishAsync(_subjects.CommandsFor(platform, message.Channel), ChatEventCodec.EncodeReply(message), cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync().ConfigureAwait(false);
            await LeaveQueueGroupAsync().ConfigureAwait(false);
        }

        if (_ownsConnection)
        {
            await _nats.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    // Waits, briefly, until the server has processed the UNSUB. From then on the group's other workers
    // get every event; a connection closed at once could still be handed a share until the server saw it close.
    private async Task LeaveQueueGroupAsync()
    {
        if (_nats.State != NatsConnectionState.Connected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(LeaveTimeout);
        try
        {
            await _nats.PingAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NatsException or OperationCanceledException)
        {
            // The connection is going away anyway: so is the subscription.
        }
    }
}
