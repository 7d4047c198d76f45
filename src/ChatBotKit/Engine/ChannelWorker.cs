using System.Threading.Channels;
using ChatBotKit.Context;
using ChatBotKit.Events;
using ChatBotKit.Policies;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using ChatBotKit.Text;
using ChatBotKit.Triggers;

namespace ChatBotKit.Engine;

/// <summary>
/// One channel inside the engine: a bounded queue that drops its oldest event when full, one
/// loop that handles events in order, the channel's context window, and its replies in flight.
/// </summary>
internal sealed partial class ChannelWorker : IDisposable
{
    private readonly ChatBotEngine _engine;
    private readonly Channel<WorkItem> _queue;
    private readonly Random _random;
    private readonly Dictionary<string, DateTimeOffset> _lastAsked = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReplyLoopGuard _loopGuard = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly int? _seed;
    private ConcurrencyGate _llmSlots;
    private IChatSource? _lastSource;
    private int _messagesSinceBotSpoke;
    private long _messageCount;
    private long _dropped;
    private int _repliesInFlight;

    public ChannelWorker(ChatBotEngine engine, ChatPlatform platform, string channel, ActiveDefinition active)
    {
        _engine = engine;
        Platform = platform;
        Channel = channel;
        var definition = active.Definition;
        Context = new ContextWindow(definition.ContextWindowSize, definition.ContextMaxAge);
        _llmSlots = new ConcurrencyGate(definition.MaxConcurrentLlmCalls);
        _seed = engine.Options.RandomSeed is { } seed ? ChannelSeed(seed, platform, channel) : null;
        _random = _seed is { } s ? new Random(s) : new Random();
        _queue = System.Threading.Channels.Channel.CreateBounded<WorkItem>(
            new BoundedChannelOptions(definition.ChannelQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            OnDropped);
        StartTimers(definition.Triggers);
        Completion = Task.Run(RunLoopAsync);
    }

    public ChatPlatform Platform { get; }

    public string Channel { get; }

    public ContextWindow Context { get; }

    public Task Completion { get; }

    public int QueueDepth => _queue.Reader.Count;

    public void Enqueue(in WorkItem item)
    {
        _engine.WorkStarted();
        if (!_queue.Writer.TryWrite(item))
        {
            _engine.WorkFinished();
        }
    }

    public void Apply(ActiveDefinition active)
    {
        var definition = active.Definition;
        Context.Reconfigure(definition.ContextWindowSize, definition.ContextMaxAge);
        if (_llmSlots.MaxConcurrent != definition.MaxConcurrentLlmCalls)
        {
            // Replies in flight release the gate they entered; new replies use the new one.
            _llmSlots = new ConcurrencyGate(definition.MaxConcurrentLlmCalls);
        }

        StartTimers(definition.Triggers);
    }

    public ChannelStatus Status() =>
        new(Platform, Channel, QueueDepth, Interlocked.Read(ref _dropped), Context.Count, Volatile.Read(ref _repliesInFlight));

    public void Complete() => _queue.Writer.TryComplete();

    public void Dispose()
    {
        StopTimers();
        _llmSlots.Dispose();
        _sendGate.Dispose();
    }

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
                    EngineLog.Unexpected(_engine.Logger, ex, item.CorrelationId, Platform, Channel);
                }
                finally
                {
                    _engine.WorkFinished();
                }
            }
        }
    }

    private void Handle(in WorkItem item)
    {
        var active = _engine.Active;
        var definition = active.Definition;
        _lastSource = item.Source;
        switch (item.Event)
        {
            case MessageReceived message:
                EngineLog.MessageText(_engine.Logger, item.CorrelationId, message.User.Login, message.Text);
                if (IgnoreReason(definition, message.User, item.Now) is { } ignored)
                {
                    Decide(item, DecisionOutcome.Ignored, reason: ignored);
                    return;
                }

                if (message.MessageKind != MessageKind.Private)
                {
                    var text = TextSanitizer.Clean(message.Text, Prompting.PromptBuilder.MaxViewerTextLength);
                    Context.Add(new ContextEntry(message.Id, message.User.Id, message.User.DisplayName, text, item.Now, FromBot: false));
                    Interlocked.Increment(ref _messagesSinceBotSpoke);
                    Interlocked.Increment(ref _messageCount);
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

        ChooseTrigger(item, active);
    }

    private void ChooseTrigger(in WorkItem item, ActiveDefinition active)
    {
        var definition = active.Definition;
        var context = new TriggerContext(item.Event, definition.Identity, Volatile.Read(ref _messagesSinceBotSpoke), item.Now);
        var user = item.Event.Author;
        ITrigger? skipped = null;
        string? skipReason = null;
        // Index loops: enumerating an IReadOnlyList through its interface allocates, and this runs per event.
        var triggers = definition.Triggers;
        for (var i = 0; i < triggers.Count; i++)
        {
            var trigger = triggers[i];
            if (!Matches(trigger, context, item))
            {
                continue;
            }

            var request = new RateLimitRequest(Platform, Channel, user?.Id, user?.Roles ?? ChatRoles.None, trigger.Name, trigger.Policy.Cooldown);
            var verdict = _engine.RateLimiter.Evaluate(request, item.Now);
            if (verdict.Reason == RateLimitReason.TriggerCooldown || AskedRecently(trigger, item.Now))
            {
                (skipped, skipReason) = (trigger, DecisionReasons.Cooldown);
                continue;
            }

            var probability = trigger.Policy.Probability;
            if (probability < 1 && _random.NextDouble() >= probability)
            {
                (skipped, skipReason) = (trigger, DecisionReasons.Probability);
                continue;
            }

            if (!verdict.IsAllowed)
            {
                _engine.Metrics.RateLimited(verdict.Reason);
                Decide(item, DecisionOutcome.RateLimited, trigger, ChatBotMetrics.LimitName(verdict.Reason), retryAfter: verdict.RetryAfter);
                return;
            }

            Fire(item, active, trigger, request);
            return;
        }

        Decide(item, DecisionOutcome.NoTrigger, skipped, skipReason ?? DecisionReasons.NoMatch);
    }

    // A confirming trigger's cooldown also spaces out its questions, whatever the answer was.
    private bool AskedRecently(ITrigger trigger, DateTimeOffset now) =>
        trigger.Responder.Confirm is not null && _lastAsked.TryGetValue(trigger.Name, out var asked) && asked + trigger.Policy.Cooldown > now;

    private bool Matches(ITrigger trigger, in TriggerContext context, in WorkItem item)
    {
        try
        {
            return trigger.Matches(context);
        }
        catch (Exception ex)
        {
            EngineLog.TriggerFailed(_engine.Logger, ex, item.CorrelationId, trigger.Name);
            return false;
        }
    }

    private void Decide(
        in WorkItem item,
        DecisionOutcome outcome,
        ITrigger? trigger = null,
        string? reason = null,
        string? filter = null,
        TimeSpan retryAfter = default,
        int sent = 0) =>
        _engine.Decide(new ChatDecision
        {
            CorrelationId = item.CorrelationId,
            Platform = Platform,
            Channel = Channel,
            Event = item.Event,
            EventKind = item.Event.Kind,
            Outcome = outcome,
            Trigger = trigger?.Name,
            Reason = reason,
            Filter = filter,
            RetryAfter = retryAfter,
            MessagesSent = sent,
            Timestamp = item.Now,
        });

    private void OnDropped(WorkItem item)
    {
        Interlocked.Increment(ref _dropped);
        _engine.Metrics.EventDropped();
        Decide(item, DecisionOutcome.Dropped, reason: DecisionReasons.QueueFull);
        _engine.WorkFinished();
    }

    private string? IgnoreReason(ChatBotDefinition definition, ChatUser user, DateTimeOffset now) =>
        definition.Identity.IsSelf(user.Login) ? DecisionReasons.Self
        : definition.IgnoredUsers.Contains(user.Login) ? DecisionReasons.IgnoredUser
        : definition.IgnoreOtherBots && (user.HasAny(ChatRoles.VerifiedBot) || definition.KnownBots.Contains(user.Login)) ? DecisionReasons.OtherBot
        : _loopGuard.IsPaused(definition.LoopLimits, user.Id, now) ? DecisionReasons.ReplyLoop
        : null;

    /// <summary>
    /// Each channel's own seed, the same in every process (unlike <see cref="HashCode"/>, which is
    /// randomized per process), so a seeded replay repeats exactly from run to run.
    /// </summary>
    internal static int ChannelSeed(int seed, ChatPlatform platform, string channel) =>
        unchecked((((seed * 31) + (int)StableHash.Of(platform.Value.ToUpperInvariant())) * 31) + (int)StableHash.Of(channel));

}
