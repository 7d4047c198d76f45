using System.Collections.Concurrent;
using ChatBotKit.Nats.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Nats;

/// <summary>
/// A connection to a NATS server or cluster speaking the core protocol: publish (with headers),
/// subscribe (with queue groups), request/reply, keepalive, and reconnect with resubscribe and
/// buffered publishes. One reader loop parses what arrives; one writer loop sends what callers queued.
/// Thread-safe.
/// </summary>
public sealed partial class NatsConnection : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ServerPool _pool;
    private readonly CommandWriter _writer;
    private readonly ConcurrentDictionary<int, IMessageTarget> _targets = new();
    private readonly CancellationTokenSource _disposal = new();
    private readonly Lock _stateLock = new();
    private readonly Random _random = new();
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private ServerSession? _session;
    private Task? _supervisor;
    private NatsConnectionState _state;
    private int _nextSid;
    private long _reconnects;
    private long _slowConsumerDrops;
    private long _serverErrors;
    private long _protocolErrors;
    private int _disposed;

    /// <summary>Creates a connection; nothing is opened until <see cref="ConnectAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public NatsConnection(NatsOptions options, ILogger<NatsConnection>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _pool = new ServerPool(options.Servers);
        _writer = new CommandWriter(options.WriterBufferSize, options.ReconnectBufferSize, options.ReconnectBufferFullMode);
    }

    /// <summary>Raised after <see cref="State"/> changes; handlers must be quick.</summary>
    public event EventHandler<NatsConnectionState>? StateChanged;

    /// <summary>The options the connection was created with.</summary>
    public NatsOptions Options { get; }

    /// <summary>The connection's state.</summary>
    public NatsConnectionState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>The server in use, or <see langword="null"/> while disconnected.</summary>
    public Uri? ConnectedServer => State == NatsConnectionState.Connected ? _session?.Server : null;

    /// <summary>The servers known: seeds plus those announced by the cluster.</summary>
    public IReadOnlyList<Uri> KnownServers => _pool.Snapshot();

    /// <summary>The largest payload (headers included) the server accepts.</summary>
    public int MaxPayload => _session?.Info.MaxPayload ?? 1024 * 1024;

    /// <summary>Successful reconnects since the first connect.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Publishes kept while disconnected and waiting for the next connection.</summary>
    public int BufferedPublishes => _writer.Buffered;

    /// <summary>Buffered publishes dropped because the reconnect buffer was full (<see cref="NatsBufferFullMode.DropOldest"/>).</summary>
    public long DroppedBufferedPublishes => _writer.DroppedOffline;

    /// <summary>Publishes refused because the reconnect buffer was full (<see cref="NatsBufferFullMode.Fail"/>).</summary>
    public long RejectedBufferedPublishes => _writer.RejectedOffline;

    /// <summary>Messages dropped by all subscriptions whose readers fell behind.</summary>
    public long SlowConsumerDrops => Interlocked.Read(ref _slowConsumerDrops);

    /// <summary><c>-ERR</c> lines received.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Received lines that were not the protocol and were skipped.</summary>
    public long ProtocolErrors => Interlocked.Read(ref _protocolErrors);

    /// <summary>The last <c>-ERR</c> message, if any.</summary>
    public string? LastServerError { get; private set; }

    /// <summary>Closes the connection: subscriptions end, pending requests fail, buffered publishes are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        SetState(NatsConnectionState.Closed);
        await _disposal.CancelAsync().ConfigureAwait(false);
        _writer.Detach();
        if (_supervisor is not null)
        {
            try
            {
                await _supervisor.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Disposal stopped the supervisor.
            }
        }

        if (Interlocked.Exchange(ref _session, null) is { } session)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        CompleteSubscriptions();
        _writer.Dispose();
        _connectLock.Dispose();
    }

    internal void CountSlowConsumerDrop(NatsSubscription subscription)
    {
        var total = Interlocked.Increment(ref _slowConsumerDrops);
        if ((subscription.DroppedMessages & (subscription.DroppedMessages - 1)) == 0)
        {
            NatsLog.SlowConsumer(_logger, subscription.Subject, total);
        }
    }

    private void CompleteSubscriptions()
    {
        foreach (var target in _targets.Values.OfType<NatsSubscription>())
        {
            target.Complete();
        }
    }

    private bool SetState(NatsConnectionState state)
    {
        lock (_stateLock)
        {
            if (_state == state || _state == NatsConnectionState.Closed)
            {
                return false;
            }

            _state = state;
        }

        StateChanged?.Invoke(this, state);
        return true;
    }
}
