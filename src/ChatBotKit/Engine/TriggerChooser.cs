using ChatBotKit.RateLimiting;
using ChatBotKit.Triggers;

namespace ChatBotKit.Engine;

/// <summary>
/// The decide stage of a channel: walks the triggers in order and fires the first that matches,
/// passes its policy (cooldown, probability) and is allowed by the rate limits. Runs on the
/// channel's loop; reports a decision itself when nothing fires.
/// </summary>
internal sealed class TriggerChooser
{
    private readonly ChannelServices _services;
    private readonly Random _random;
    private readonly bool _seeded;
    private readonly Dictionary<string, DateTimeOffset> _lastAsked = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the chooser; its rolls repeat when the engine is seeded.</summary>
    public TriggerChooser(ChannelServices services, int? seed)
    {
        _services = services;
        _seeded = seed is not null;
        _random = seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>The trigger that fires for <paramref name="item"/>, already counted against its cooldown and the rate limits, or <see langword="null"/>.</summary>
    public FiredTrigger? Choose(in WorkItem item, in TriggerContext context, IReadOnlyList<ITrigger> triggers)
    {
        var user = item.Event.Author;
        ITrigger? skipped = null;
        string? skipReason = null;
        // An index loop: enumerating an IReadOnlyList through its interface allocates, and this runs per event.
        for (var i = 0; i < triggers.Count; i++)
        {
            var trigger = triggers[i];
            if (!Matches(trigger, context, item))
            {
                continue;
            }

            var policy = trigger.Policy;
            var request = new RateLimitRequest(item.Event.Platform, item.Event.Channel, user?.Id, user?.Roles ?? Events.ChatRoles.None, trigger.Name, policy.Cooldown, trigger.Responder.Handler is not null);
            var verdict = _services.RateLimiter.Evaluate(request, item.Now);
            if (verdict.Reason == RateLimitReason.TriggerCooldown || AskedRecently(trigger, item.Now))
            {
                (skipped, skipReason) = (trigger, DecisionReasons.Cooldown);
                continue;
            }

            if (policy.Probability < 1 && _random.NextDouble() >= policy.Probability)
            {
                (skipped, skipReason) = (trigger, DecisionReasons.Probability);
                continue;
            }

            if (!verdict.IsAllowed)
            {
                _services.Metrics.RateLimited(verdict.Reason);
                _services.Decisions.Report(item, DecisionOutcome.RateLimited, trigger, ChatBotMetrics.LimitName(verdict.Reason), retryAfter: verdict.RetryAfter);
                return null;
            }

            return Fire(item, trigger, request);
        }

        _services.Decisions.Report(item, DecisionOutcome.NoTrigger, skipped, skipReason ?? DecisionReasons.NoMatch);
        return null;
    }

    private FiredTrigger Fire(in WorkItem item, ITrigger trigger, in RateLimitRequest request)
    {
        _services.Metrics.TriggerFired(trigger.Kind);
        if (trigger.Responder.Confirm is null)
        {
            _services.RateLimiter.Record(request, item.Now);
        }
        else
        {
            // A confirmed reply counts against the limits only once confirmed; the question itself is spaced by the cooldown.
            _lastAsked[trigger.Name] = item.Now;
        }

        // The reply's randomness is drawn here, on the loop, whatever happens to the reply later:
        // a busy LLM must not shift the seeded rolls of the events after it.
        return new FiredTrigger(trigger, request, _seeded ? new Random(_random.Next()) : Random.Shared);
    }

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
            EngineLog.TriggerFailed(_services.Logger, ex, item.CorrelationId, trigger.Name);
            return false;
        }
    }
}
