using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace ChatBotKit.Nats.Bus;

/// <summary>
/// The worker side of the scale-out bus: a chat source whose events come from
/// <c>chatbotkit.events.&gt;</c> in a queue group (each event reaches one worker) and whose replies go to
/// <c>chatbotkit.commands.{platform}.{channel}</c>, where the ingest sends them on. Run a
/// <see cref="Engine.ChatBotEngine"/> over it in each worker process.
/// </summary>
public sealed class ChatBusSource : ChatSourceBase
{
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(2);
    private readonly INatsConnection _nats;
    private readonly ChatBusSubjects _subjects;
    private readonly bool _ownsConnection;
    private readonly ConcurrentDictionary<string, ChatPlatform> _platforms = new(StringComparer.Ordinal);
    private INatsSub<byte[]>? _events;

    /// <summary>Creates a worker source over <paramref name="nats"/>, a NATS.Net connection the caller owns.</summary>
    public ChatBusSource(INatsConnection nats, ChatBusSubjects? subjects = null, PlatformLimits? limits = null, ILogger<ChatBusSource>? logger = null)
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
    public ChatBusSource(NatsConnectionOptions options, ChatBusSubjects? subjects = null, ILoggerFactory? loggerFactory = null)
        : this(Opts(options, loggerFactory), subjects, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a worker source with its own NATS.Net connection made from <paramref name="opts"/>, opened on
    /// <see cref="ChatSourceBase.ConnectAsync"/> and closed on dispose.
    /// </summary>
    public ChatBusSource(NatsOpts opts, ChatBusSubjects? subjects = null, ILoggerFactory? loggerFactory = null)
        : this(new NatsConnection(opts), subjects, logger: loggerFactory?.CreateLogger<ChatBusSource>()) =>
        _ownsConnection = true;

    /// <summary>Events received by this worker.</summary>
    public long Received { get; private set; }

    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        if (_ownsConnection && _nats is NatsConnection own && own.ConnectionState != NatsConnectionState.Open)
        {
            await own.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _events = await SubscribeAsync(cancellationToken).ConfigureAwait(false);

        // Once the server has answered, it has the subscription: events published from now on reach this worker.
        await _nats.PingAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the events NATS hands this worker. When reading stops, the worker leaves the queue group
    /// (and joins it again if read again), so the other workers get every event from then on, also
    /// while this one finishes its replies.
    /// </summary>
    protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = _events ??= await SubscribeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var message in events.Msgs.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                ChatEvent? chatEvent = null;
                try
                {
                    chatEvent = ChatEventCodec.Decode(message.Data);
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
        finally
        {
            await LeaveQueueGroupAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>The reply is published to the ingest, which sends it on the platform: <see cref="SendResult.Queued"/>.</remarks>
    protected override async ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var platform = message.Platform ?? (_platforms.TryGetValue(message.Channel, out var known) ? known : Platform);
        await _nats.PublishAsync(_subjects.CommandsFor(platform, message.Channel), ChatEventCodec.EncodeReply(message), cancellationToken: cancellationToken).ConfigureAwait(false);
        return SendResult.Queued;
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        await LeaveQueueGroupAsync().ConfigureAwait(false);

        if (_ownsConnection)
        {
            await _nats.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    private static NatsOpts Opts(NatsConnectionOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ToNatsOpts(loggerFactory);
    }

    private ValueTask<INatsSub<byte[]>> SubscribeAsync(CancellationToken cancellationToken) =>
        _nats.SubscribeCoreAsync<byte[]>(_subjects.Events + ".>", _subjects.WorkerQueue, cancellationToken: cancellationToken);

    // Unsubscribes and waits, briefly, until the server has processed it: from then on the group's
    // other workers get every event, and the replies published before have reached the server.
    private async Task LeaveQueueGroupAsync()
    {
        if (Interlocked.Exchange(ref _events, null) is not { } events)
        {
            return;
        }

        await events.DisposeAsync().ConfigureAwait(false);
        if (_nats.ConnectionState != NatsConnectionState.Open)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(LeaveTimeout);
        try
        {
            await _nats.PingAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NatsException or OperationCanceledException or TimeoutException)
        {
            // The connection is going away anyway: so is the subscription.
        }
    }
}
