using System.Collections.Concurrent;
using ChatBotKit.AI;
using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

/// <summary>
/// Runs a bot: takes events from sources, gives each channel its own queue, context window and
/// loop, decides with triggers and rate limits, writes replies through a handler or the LLM,
/// filters them and sends them back. Channels never wait on each other. A new definition can be
/// swapped in at any time; channel state survives and replies in flight finish under the
/// definition they started with.
/// </summary>
public sealed partial class ChatBotEngine : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(ChatPlatform Platform, string Channel), ChannelWorker> _channels = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SlidingWindowRateLimiter? _ownLimiter;
    private readonly PendingWork _work = new();
    private readonly ChannelServices _services;
    private ActiveDefinition _active;
    private int _disposed;

    /// <summary>Creates an engine running <paramref name="definition"/>.</summary>
    public ChatBotEngine(ChatBotDefinition definition, ChatBotEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Options = options ?? new ChatBotEngineOptions();
        Logger = Options.LoggerFactory.CreateLogger("ChatBotKit.Engine");
        _ownLimiter = Options.RateLimiter is null ? new SlidingWindowRateLimiter(definition.RateLimits) : null;
        Metrics = new ChatBotMetrics(Options.MeterFactory, QueueDepth);
        _services = new ChannelServices(
            Options.TimeProvider,
            Options.RateLimiter ?? _ownLimiter!,
            new DecisionReporter(Metrics, Logger, Options.DecisionListeners),
            Metrics,
            _work,
            Logger,
            Options.RandomSeed,
            Pauses,
            _shutdown.Token);
        _active = Activate(definition, 1);
    }

    /// <summary>The definition in force.</summary>
    public ChatBotDefinition Definition => Volatile.Read(ref _active).Definition;

    /// <summary>How many definitions this engine has run (1 for the first).</summary>
    public int Generation => Volatile.Read(ref _active).Generation;

    /// <summary>The LLM the definition in force answers with (the offline responder when none is set).</summary>
    public Microsoft.Extensions.AI.IChatClient ChatClient => Volatile.Read(ref _active).ChatClient;

    /// <summary>What is paused: the bot, one source, a platform or a channel. Paused events are read and not answered.</summary>
    public ChatBotPauses Pauses { get; } = new();

    /// <summary>The engine's instruments.</summary>
    public ChatBotMetrics Metrics { get; }

    internal ChatBotEngineOptions Options { get; }

    internal ILogger Logger { get; }

    private TimeProvider TimeProvider => Options.TimeProvider;

    private ActiveDefinition Active => Volatile.Read(ref _active);

    /// <summary>
    /// Makes <paramref name="definition"/> the one in force. Context windows and rate-limit
    /// history carry over; replies already in flight finish under the old definition.
    /// </summary>
    public void SwapDefinition(ChatBotDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ActiveDefinition next;
        lock (_channels)
        {
            next = Activate(definition, Active.Generation + 1);
            if (_ownLimiter is not null)
            {
                _ownLimiter.Policy = definition.RateLimits;
            }

            Volatile.Write(ref _active, next);
            foreach (var worker in _channels.Values)
            {
                worker.Apply(next);
            }
        }

        Metrics.DefinitionSwapped();
        EngineLog.DefinitionSwapped(Logger, next.Generation, definition.Triggers.Count);
    }

    /// <summary>
    /// Queues <paramref name="chatEvent"/> on its channel; replies go back through
    /// <paramref name="source"/>. Never blocks: a full queue drops its oldest event.
    /// </summary>
    public void Post(ChatEvent chatEvent, IChatSource source) => Post(chatEvent, source, sourceName: null);

    /// <summary>Queues <paramref name="chatEvent"/> read from the source registered as <paramref name="sourceName"/>, which <see cref="ChatBotPauses.SetSourcePaused"/> can hold.</summary>
    internal void Post(ChatEvent chatEvent, IChatSource source, string? sourceName)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrEmpty(chatEvent.Channel))
        {
            EngineLog.EventWithoutChannel(Logger, chatEvent.Platform);
            return;
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Metrics.EventReceived(chatEvent.Kind);
        var worker = _channels.TryGetValue((chatEvent.Platform, chatEvent.Channel), out var open) ? open : OpenChannel(chatEvent);
        worker.Enqueue(new WorkItem(chatEvent, source, CorrelationId.Next(), TimeProvider.GetUtcNow(), sourceName));
    }

    /// <summary>A snapshot of every channel the engine has seen.</summary>
    public IReadOnlyList<ChannelStatus> GetChannels() => [.. _channels.Values.Select(w => w.Status())];

    /// <summary>Completes when no event is queued and no reply is in flight.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => _work.WhenIdleAsync(cancellationToken);

    private ActiveDefinition Activate(ChatBotDefinition definition, int generation) =>
        new(definition, Options.ChatClientFactory?.Invoke(definition) ?? Options.ChatClient ?? definition.ChatClient ?? new OfflineChatClient(definition.Identity.Name, definition.Personality), generation);

    private ChannelWorker OpenChannel(ChatEvent chatEvent)
    {
        lock (_channels)
        {
            var key = (chatEvent.Platform, chatEvent.Channel);
            if (!_channels.TryGetValue(key, out var worker))
            {
                worker = new ChannelWorker(_services, chatEvent.Platform, chatEvent.Channel, Active);
                _channels[key] = worker;
            }

            return worker;
        }
    }

    private long QueueDepth()
    {
        long depth = 0;
        foreach (var worker in _channels.Values)
        {
            depth += worker.QueueDepth;
        }

        return depth;
    }
}
