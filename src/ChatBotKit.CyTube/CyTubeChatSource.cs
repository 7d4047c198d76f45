using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Nats;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
    private NatsConnection? _nats;
    private long _droppedEvents;
    private long _sendFailures;

    /// <summary>Creates the source; nothing is opened until <see cref="ChatSourceBase.ConnectAsync"/>.</summary>
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

    /// <summary>The NATS connection, once connected.</summary>
    public NatsConnection? Connection => _nats;

    /// <inheritdoc />
    public async ValueTask JoinAsync(string channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        if (_nats is null || _channels.ContainsKey(channel))
        {
            return;
        }

        var subject = _options.Subjects.EventsFor(channel);
        var subscription = await _nats.SubscribeAsync(subject, cancellationToken: cancellationToken).ConfigureAwait(false);
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
        var nats = new NatsConnection(_options.Nats, _loggerFactory.CreateLogger<NatsConnection>(), _time);
        try
        {
            await nats.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await nats.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Closed comes only from disposal, which the base reports itself.
        nats.StateChanged += (_, state) =>
        {
            if (state is NatsConnectionState.Connected or NatsConnectionState.Reconnecting && !IsDisposed)
            {
                SetState(state == NatsConnectionState.Connected ? ConnectionState.Connected : ConnectionState.Reconnecting);
            }
        };
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

        if (_nats is not null)
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

    private async Task PumpAsync(string channel, NatsSubscription subscription)
    {
        await foreach (var message in subscription.Messages.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var envelope = KrytenEnvelope.Parse(message.Data.Span, message.Subject);
                if (KrytenEventMapper.Map(envelope, channel, _time.GetUtcNow()) is { } chatEvent)
                {
                    _events.Writer.TryWrite(chatEvent);
                }
                else
                {
                    CyTubeLog.EventIgnored(Logger, envelope.EventName, channel, envelope.CorrelationId ?? message.Headers?["Correlation-Id"]);
                }
            }
            catch (JsonException ex)
            {
                CyTubeLog.EventSkipped(Logger, message.Subject, ex.Message);
            }
        }
    }
}
