using ChatBotKit.Triggers;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

/// <summary>Where every decision goes: the decisions counter, the debug log and the host's listeners.</summary>
internal sealed class DecisionReporter(ChatBotMetrics metrics, ILogger logger, IReadOnlyList<IDecisionListener> listeners)
{
    /// <summary>Reports what became of <paramref name="item"/>.</summary>
    public void Report(
        in WorkItem item,
        DecisionOutcome outcome,
        ITrigger? trigger = null,
        string? reason = null,
        string? filter = null,
        TimeSpan retryAfter = default,
        int sent = 0,
        IReadOnlyList<string>? replies = null) =>
        Report(new ChatDecision
        {
            CorrelationId = item.CorrelationId,
            Platform = item.Event.Platform,
            Channel = item.Event.Channel,
            Event = item.Event,
            EventKind = item.Event.Kind,
            Outcome = outcome,
            Trigger = trigger?.Name,
            Reason = reason,
            Filter = filter,
            RetryAfter = retryAfter,
            MessagesSent = sent,
            Replies = replies,
            Timestamp = item.Now,
        });

    private void Report(in ChatDecision decision)
    {
        metrics.Decided(decision.Outcome);
        EngineLog.Decision(logger, decision.CorrelationId, decision.Platform, decision.Channel, decision.EventKind, decision.Outcome, decision.Trigger, decision.Reason);
        for (var i = 0; i < listeners.Count; i++)
        {
            var listener = listeners[i];
            try
            {
                listener.OnDecision(decision);
            }
            catch (Exception ex)
            {
                EngineLog.ListenerFailed(logger, ex, listener.GetType().Name);
            }
        }
    }
}
