using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace ChatBotKit.CyTube;

/// <summary>
/// CyTube through Kryten over NATS: subscribes to each channel's event subject and maps chat, PMs,
/// media changes, joins and leaves; sends chat and PMs as robot commands and checks their replies.
/// Channels can be joined and left while connected.
/// </summary>
public sealed partial class CyTubeChatSource : ChatSourceBase, IChannelMembership
{
    private readonly CyTubeOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly Channel<ChatEvent> _events;
    private readonly ConcurrentDictionary<string, ChannelSubscription> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _initialChannels;
    private readonly INatsConnection? _given;
    private INatsConnection? _nats;
    private long _droppedEvents;
    private long _sendFailures;

    /// <summary>
    /// Creates the source over a NATS.Net connection the caller owns (<see cref="CyTubeOptions.Nats"/> is not used);
    /// nothing is subscribed until <see cref="ChatSourceBase.ConnectAsync"/>.
    /// </summary>
    public CyTubeChatSource(INatsConnection connection, CyTubeOptions options, IEnumerable<string> channels, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, channels, loggerFactory, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _given = connection;
    }

    /// <summary>
    /// Creates the source with its own connection to <see cref="CyTubeOptions.Nats"/>; nothing is opened until
    /// <see cref="ChatSourceBase.ConnectAsync"/>, and the connection is closed on dispose.
    /// </summary>
    public CyTubeChatSource(CyTubeOptions options, IEnumerable<string> channels, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : base(ChatPlatform.CyTube, LimitsFor(options), (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<CyTubeChatSource>())
    {
        ArgumentNullException.ThrowIfNull(channels);
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _initialChannels = [.. channels];
        _events = Channel.CreateBounded<ChatEvent>(
            new BoundedChannelOptions(options.EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => CyTubeLog.EventsDropped(Logger, Interlocked.Increment(ref _droppedEvents)));
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Channels => [.. _channels.Keys];

    /// <summary>Chat and PM commands that Kryten refused or did not answer.</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>Events dropped because the reader fell behind.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>The NATS.Net connection, once connected.</summary>
    public INatsConnection? Connection => _nats;

    /// <inheritdoc />
    public async ValueTask JoinAsync(string channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        if (_nats is null || _channels.ContainsKey(channel))
        {
            return;
        }

        var subject = _options.Subjects.EventsFor(channel);
        var subscription = await _nats.SubscribeCoreAsync<byte[]>(subject, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _nats.PingAsync(cancellationToken).ConfigureAwait(false); // the server has the subscription from here on
        var joined = new ChannelSubscription(subscription, Task.Run(() => PumpAsync(channel, subscription), CancellationToken.None));
        if (!_channels.TryAdd(channel, joined))
        {
            await joined.DisposeAsync().ConfigureAwait(false);
            return;
        }

        CyTubeLog.Joined(Logger, channel, subject);
    }

    /// <inheritdoc />
    public async ValueTask LeaveAsync(string channel, CancellationToken cancellationToken = default)
    {
        if (_channels.TryRemove(channel, out var joined))
        {
            await joined.DisposeAsync().ConfigureAwait(false);
            CyTubeLog.Left(Logger, channel);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        var nats = _given ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (nats is NatsConnection events)
        {
            // Closed comes only from disposal, which the base reports itself.
            events.ConnectionDisconnected += OnDisconnectedAsync;
            events.ConnectionOpened += OnOpenedAsync;
        }

        _nats = nats;
        foreach (var channel in _initialChannels)
        {
            await JoinAsync(channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chatEvent in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return chatEvent;
        }
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        foreach (var channel in _channels.Keys)
        {
            await LeaveAsync(channel).ConfigureAwait(false);
        }

        if (_nats is NatsConnection events)
        {
            events.ConnectionDisconnected -= OnDisconnectedAsync;
            events.ConnectionOpened -= OnOpenedAsync;
        }

        if (_given is null && _nats is not null)
        {
            await _nats.DisposeAsync().ConfigureAwait(false);
        }

        _events.Writer.TryComplete();
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    private static PlatformLimits LimitsFor(CyTubeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PlatformLimits { MaxMessageLength = options.MaxMessageLength, MessagesPerWindow = 4, SendWindow = TimeSpan.FromSeconds(4) };
    }

    private async Task<INatsConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var nats = new NatsConnection(_options.Nats.ToNatsOpts(_loggerFactory));
        try
        {
            await nats.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            return nats;
        }
        catch
        {
            await nats.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private ValueTask OnDisconnectedAsync(object? sender, NatsEventArgs args) => ReportAsync(ConnectionState.Reconnecting);

    private ValueTask OnOpenedAsync(object? sender, NatsEventArgs args) => ReportAsync(ConnectionState.Connected);

    private ValueTask ReportAsync(ConnectionState state)
    {
        if (!IsDisposed)
        {
            SetState(state);
        }

        return ValueTask.CompletedTask;
    }

    private async Task PumpAsync(string channel, INatsSub<byte[]> subscription)
    {
        await foreach (var message in subscription.Msgs.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var envelope = KrytenEnvelope.Parse(message.Data, message.Subject);
                if (KrytenEventMapper.Map(envelope, channel, _time.GetUtcNow()) is { } chatEvent)
                {
                    _events.Writer.TryWrite(chatEvent);
                }
                else
                {
                    CyTubeLog.EventIgnored(Logger, envelope.EventName, channel, envelope.CorrelationId ?? (message.Headers?.TryGetLastValue("Correlation-Id", out var id) == true ? id : null));
                }
            }
            catch (JsonException ex)
            {
                CyTubeLog.EventSkipped(Logger, message.Subject, ex.Message);
            }
        }
    }
}
