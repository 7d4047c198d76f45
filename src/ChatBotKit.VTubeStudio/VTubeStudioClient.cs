using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatBotKit.Sources;
using ChatBotKit.VTubeStudio.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// A connection to VTube Studio's plugin API that looks after itself: it connects (and, while
/// VTube Studio is not running, keeps trying with the shared backoff), authenticates with the kept
/// token or asks the streamer for one, and after every reconnect authenticates and subscribes to
/// the remembered events again. Requests wait for the connection up to
/// <see cref="VTubeStudioOptions.RequestTimeout"/> and fail with a <see cref="VTubeStudioException"/>.
/// </summary>
public sealed partial class VTubeStudioClient : IAsyncDisposable
{
    private readonly VTubeStudioOptions _options;
    private readonly VtsAuthenticator _authenticator;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Channel<VTubeStudioEvent>, bool> _readers = new();
    private readonly ConcurrentDictionary<string, JsonObject?> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<VtsSession> _ready = NewReady();
    private VtsSession? _readySession;
    private ConnectionState _state;
    private Task? _run;
    private long _droppedEvents;

    /// <summary>Creates the client; nothing connects until <see cref="StartAsync"/> or the first request.</summary>
    /// <param name="options">Address and plugin names; default <see cref="VTubeStudioOptions"/>.</param>
    /// <param name="tokens">Where the token is kept; default the file in <see cref="VTubeStudioOptions.TokenFile"/> or the per-user one.</param>
    /// <param name="logger">Where connection changes and skipped frames are logged.</param>
    /// <param name="timeProvider">The clock for timeouts and backoff.</param>
    public VTubeStudioClient(VTubeStudioOptions? options = null, VTubeStudioTokenStore? tokens = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new VTubeStudioOptions();
        _options.Validate();
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _authenticator = new VtsAuthenticator(_options, tokens ?? new VTubeStudioTokenStore(_options.TokenFile), _logger, _time);
    }

    /// <summary>Where the connection stands.</summary>
    public ConnectionState State => _state;

    /// <summary>Whether a connection is open and authenticated now.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Events dropped because nobody read them fast enough (the oldest go first).</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Raised when <see cref="State"/> changes.</summary>
    public event EventHandler<ConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Starts connecting in the background and returns at once; VTube Studio need not be running yet.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        lock (_gate)
        {
            _run ??= Task.Run(RunAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends a request of any type and returns the <c>data</c> of its answer: the way to reach parts
    /// of the API this client has no method for.
    /// </summary>
    /// <param name="messageType">For example <c>ArtMeshListRequest</c>.</param>
    /// <param name="data">The request's <c>data</c>; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="VTubeStudioException">VTube Studio answered with an error, was not connected, closed mid-request or did not answer in time.</exception>
    public async Task<JsonElement> RequestAsync(string messageType, JsonObject? data = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageType);
        var session = await WaitUntilReadyAsync(messageType, cancellationToken).ConfigureAwait(false);
        return await session.RequestAsync(messageType, data, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Subscribes to an event (<c>ModelLoadedEvent</c>, <c>HotkeyTriggeredEvent</c>, …) now when
    /// connected, and again after every reconnect; the events arrive in <see cref="ReadEventsAsync"/>.
    /// </summary>
    public async Task SubscribeAsync(string eventName, JsonObject? config = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        _subscriptions[eventName] = config;
        if (IsReady)
        {
            await RequestAsync("EventSubscriptionRequest", Subscription(eventName, config, subscribe: true), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends a subscription made with <see cref="SubscribeAsync"/>.</summary>
    public async Task UnsubscribeAsync(string eventName, CancellationToken cancellationToken = default)
    {
        if (_subscriptions.TryRemove(eventName, out _) && IsReady)
        {
            await RequestAsync("EventSubscriptionRequest", Subscription(eventName, null, subscribe: false), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The subscribed events as they arrive, until the client is disposed or
    /// <paramref name="cancellationToken"/> is cancelled. Every reader gets every event; a reader
    /// that falls 256 events behind loses the oldest (counted in <see cref="DroppedEvents"/>).
    /// </summary>
    public async IAsyncEnumerable<VTubeStudioEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<VTubeStudioEvent>(
            new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _droppedEvents));
        _readers[channel] = true;
        try
        {
            if (_stop.IsCancellationRequested)
            {
                yield break;
            }

            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            _readers.TryRemove(channel, out _);
        }
    }

    /// <summary>Closes the connection and stops reconnecting.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        Task? run;
        lock (_gate)
        {
            run = _run;
        }

        if (run is not null)
        {
            await run.ConfigureAwait(false);
        }

        foreach (var reader in _readers.Keys)
        {
            reader.Writer.TryComplete();
        }
        SetState(ConnectionState.Closed);
        _stop.Dispose();
    }

    private async Task<VtsSession> WaitUntilReadyAsync(string messageType, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var ready = _ready.Task;
        try
        {
            return await ready.WaitAsync(_options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new VTubeStudioException($"VTube Studio at {_options.Endpoint} is not connected (is it running, with \"Allow Plugin API access\" on?); {messageType} was not sent.");
        }
    }

    private static JsonObject Subscription(string eventName, JsonObject? config, bool subscribe) => new()
    {
        ["eventName"] = eventName,
        ["subscribe"] = subscribe,
        ["config"] = config?.DeepClone() ?? new JsonObject(),
    };

    private static TaskCompletionSource<VtsSession> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
