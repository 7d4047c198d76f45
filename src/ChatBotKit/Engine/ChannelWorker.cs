using System.Threading.Channels;
using ChatBotKit.Context;
using ChatBotKit.Events;
using ChatBotKit.Sources;
using ChatBotKit.Text;
using ChatBotKit.Triggers;

namespace ChatBotKit.Engine;

/// <summary>
/// One channel inside the engine: a bounded queue that drops its oldest event when full, one
/// loop that handles events in order and keeps the channel's context window, and the stages a
/// reply goes through: decide (<see cref="TriggerChooser"/>, on the loop), then respond, filter
/// and send (<see cref="ReplyPipeline"/>, off it).
/// </summary>
internal sealed class ChannelWorker : IDisposable
{
    private readonly ChannelServices _services;
    private readonly Channel<WorkItem> _queue;
    private readonly ChannelActivity _activity = new();
    private readonly ReplyLoopGuard _loopGuard = new();
    private readonly ChannelTimers _timers;
    private readonly TriggerChooser _chooser;
    private readonly ReplyWriter _writer;
    private readonly ReplySender _sender;
    private readonly ReplyPipeline _replies;
    private ActiveDefinition _active;
    private IChatSource? _lastSource;
    private string? _lastSourceName;
    private long _dropped;

    public ChannelWorker(ChannelServices services, ChatPlatform platform, string channel, ActiveDefinition active)
    {
        _services = services;
        Platform = platform;
        Channel = channel;
        _active = active;
        var definition = active.Definition;
        Context = new ContextWindow(definition.ContextWindowSize, definition.ContextMaxAge);
        _chooser = new TriggerChooser(services, services.RandomSeed is { } seed ? ChannelSeed(seed, platform, channel) : null);
        _writer = new ReplyWriter(services, definition.MaxConcurrentLlmCalls);
        _sender = new ReplySender(services, Context, _activity, _loopGuard);
        _replies = new ReplyPipeline(services, _writer, _sender, new StreamedReplySender(services, _sender));
        _timers = new ChannelTimers(services.Clock, _activity, Tick);
        _queue = System.Threading.Channels.Channel.CreateBounded<WorkItem>(
            new BoundedChannelOptions(definition.ChannelQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            OnDropped);
        _timers.Restart(definition.Triggers);
        Completion = Task.Run(RunLoopAsync);
    }

    public ChatPlatform Platform { get; }

    public string Channel { get; }

    public ContextWindow Context { get; }

    public Task Completion { get; }

    public int QueueDepth => _queue.Reader.Count;

    public void Enqueue(in WorkItem item)
    {
        _services.Work.Add();
        if (!_queue.Writer.TryWrite(item))
        {
            _services.Work.Done();
        }
    }

    /// <summary>Takes up a new definition: the next event is handled under it, replies in flight finish under theirs.</summary>
    public void Apply(ActiveDefinition active)
    {
        var definition = active.Definition;
        Volatile.Write(ref _active, active);
        Context.Reconfigure(definition.ContextWindowSize, definition.ContextMaxAge);
        _writer.Apply(definition);
        _timers.Restart(definition.Triggers);
    }

    public ChannelStatus Status() =>
        new(Platform, Channel, QueueDepth, Interlocked.Read(ref _dropped), Context.Count, _replies.InFlight);

    public void Complete() => _queue.Writer.TryComplete();

    public void Dispose()
    {
        _timers.Dispose();
        _writer.Dispose();
        _sender.Dispose();
    }

    /// <summary>
    /// Each channel's own seed, the same in every process (unlike <see cref="HashCode"/>, which is
    /// randomized per process), so a seeded replay repeats exactly from run to run.
    /// </summary>
    internal static int ChannelSeed(int seed, ChatPlatform platform, string channel) =>
        unchecked((((seed * 31) + (int)StableHash.Of(platform.Value.ToUpperInvariant())) * 31) + (int)StableHash.Of(channel));

    private async Task RunLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    Handle(item);
                }
                catch (Exception ex)
                {
                    EngineLog.Unexpected(_services.Logger, ex, item.CorrelationId, Platform, Channel);
                }
                finally
                {
                    _services.Work.Done();
                }
            }
        }
    }

    private void Handle(in WorkItem item)
    {
        var active = Volatile.Read(ref _active);
        var definition = active.Definition;
        _lastSource = item.Source;
        _lastSourceName = item.SourceName;
        switch (item.Event)
        {
            case MessageReceived message:
                EngineLog.MessageText(_services.Logger, item.CorrelationId, message.User.Login, message.Text);
                if (IgnoreReason(definition, message.User, item.Now) is { } ignored)
                {
                    _services.Decisions.Report(item, DecisionOutcome.Ignored, reason: ignored);
                    return;
                }

                if (message.MessageKind != MessageKind.Private)
                {
                    var text = TextSanitizer.Clean(message.Text, Prompting.PromptBuilder.MaxViewerTextLength);
                    Context.Add(new ContextEntry(message.Id, message.User.Id, message.User.DisplayName, text, item.Now, FromBot: false));
                    _activity.ViewerSpoke();
                }

                break;
            case MessageDeleted deleted:
                Context.RemoveMessage(deleted.MessageId);
                break;
            case UserTimedOut timedOut:
                Context.RemoveUser(timedOut.User.Id);
                break;
            case UserBanned banned:
                Context.RemoveUser(banned.User.Id);
                break;
        }

        Observe(definition.Observers, item);
        if (_services.Pauses.Holds(Platform, Channel, item.SourceName))
        {
            _services.Decisions.Report(item, DecisionOutcome.Paused, reason: DecisionReasons.Paused);
            return;
        }

        var context = new TriggerContext(item.Event, definition.Identity, _activity.MessagesSinceBotSpoke, item.Now);
        if (_chooser.Choose(item, context, definition.Triggers) is { } fired)
        {
            _replies.Start(item, active, fired, Context.Snapshot(item.Now));
        }
    }

    private void Observe(IReadOnlyList<IChatEventObserver> observers, in WorkItem item)
    {
        for (var i = 0; i < observers.Count; i++)
        {
            try
            {
                observers[i].Observe(item.Event);
            }
            catch (Exception ex)
            {
                EngineLog.ObserverFailed(_services.Logger, ex, item.CorrelationId, observers[i].GetType().Name);
            }
        }
    }

    private string? IgnoreReason(ChatBotDefinition definition, ChatUser user, DateTimeOffset now) =>
        definition.Identity.IsSelf(user.Login) ? DecisionReasons.Self
        : definition.IgnoredUsers.Contains(user.Login) ? DecisionReasons.IgnoredUser
        : definition.IgnoreOtherBots && (user.HasAny(ChatRoles.VerifiedBot) || definition.KnownBots.Contains(user.Login)) ? DecisionReasons.OtherBot
        : _loopGuard.IsPaused(definition.LoopLimits, user.Id, now) ? DecisionReasons.ReplyLoop
        : null;

    private void Tick(string timer, int messagesSinceLastTick)
    {
        if (_lastSource is not { } source)
        {
            return;
        }

        var now = _services.Clock.GetUtcNow();
        var tick = new TimerElapsed
        {
            Platform = Platform,
            Channel = Channel,
            Timestamp = now,
            Timer = timer,
            MessagesSinceLastTick = messagesSinceLastTick,
        };
        Enqueue(new WorkItem(tick, source, CorrelationId.Next(), now, _lastSourceName));
    }

    private void OnDropped(WorkItem item)
    {
        Interlocked.Increment(ref _dropped);
        _services.Metrics.EventDropped();
        _services.Decisions.Report(item, DecisionOutcome.Dropped, reason: DecisionReasons.QueueFull);
        _services.Work.Done();
    }
}
