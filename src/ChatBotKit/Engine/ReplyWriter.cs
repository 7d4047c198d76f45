using ChatBotKit.Context;
using ChatBotKit.Policies;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;
using ChatBotKit.Triggers;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Engine;

/// <summary>
/// The respond stage of a channel: takes one of the channel's LLM call slots when the responder
/// needs the LLM, runs the responder's confirmation, then its handler or the LLM, each within its
/// time limit. Reports a decision itself when the reply stops here (busy, declined, rate-limited).
/// </summary>
internal sealed class ReplyWriter(ChannelServices services, int maxConcurrentLlmCalls) : IDisposable
{
    private ConcurrencyGate _llmSlots = new(maxConcurrentLlmCalls);

    /// <summary>Follows <paramref name="definition"/>'s LLM call limit; replies in flight release the gate they entered.</summary>
    public void Apply(ChatBotDefinition definition)
    {
        if (_llmSlots.MaxConcurrent != definition.MaxConcurrentLlmCalls)
        {
            _llmSlots = new ConcurrencyGate(definition.MaxConcurrentLlmCalls);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _llmSlots.Dispose();

    /// <summary>The reply's text, or <see langword="null"/> when a decision was already reported.</summary>
    public async Task<ReplyText?> WriteAsync(PendingReply reply)
    {
        var (item, active, fired, history) = reply;
        var definition = active.Definition;
        var responder = fired.Trigger.Responder;
        ConcurrencyGate? slot = null;
        try
        {
            if (responder.UsesLanguageModel)
            {
                var slots = _llmSlots;
                if (!await slots.TryEnterAsync(definition.LlmQueueWait, services.Clock, services.Shutdown).ConfigureAwait(false))
                {
                    services.Decisions.Report(item, DecisionOutcome.LlmBusy, fired.Trigger, DecisionReasons.LlmBusy);
                    return null;
                }

                slot = slots;
            }

            var context = new ReplyContext
            {
                Event = item.Event,
                Trigger = fired.Trigger,
                Bot = definition.Identity,
                History = history,
                ChatClient = active.ChatClient,
                Now = item.Now,
                Random = fired.Random,
                CorrelationId = item.CorrelationId,
            };
            if (responder.Confirm is { } confirm && !await ConfirmAsync(reply, confirm, context).ConfigureAwait(false))
            {
                return null;
            }

            if (responder.Handler is { } handler)
            {
                return await RunHandlerAsync(reply, handler, context).ConfigureAwait(false);
            }

            // The stream owns the LLM call slot from here on and gives it back when it ends.
            var stream = AskLlm(reply, slot);
            slot = null;
            return new(null, FromModel: true, Stream: stream);
        }
        finally
        {
            slot?.Release();
        }
    }

    private async Task<bool> ConfirmAsync(PendingReply reply, ReplyConfirmation confirm, ReplyContext context)
    {
        var (item, active, fired, _) = reply;
        try
        {
            if (!await Deadline.RunAsync(token => confirm(context, token).AsTask(), active.Definition.LlmTimeout, services.Clock, services.Shutdown).ConfigureAwait(false))
            {
                services.Decisions.Report(item, DecisionOutcome.Declined, fired.Trigger);
                return false;
            }
        }
        catch (Exception ex) when (!services.Shutdown.IsCancellationRequested)
        {
            var timedOut = ex is TimeoutException;
            services.Decisions.Report(item, timedOut ? DecisionOutcome.LlmTimeout : DecisionOutcome.LlmFailed, fired.Trigger, timedOut ? DecisionReasons.LlmTimeout : DecisionReasons.LlmFailed);
            return false;
        }

        // Other replies may have gone out while the LLM thought about it.
        var verdict = services.RateLimiter.Evaluate(fired.Request, item.Now);
        if (!verdict.IsAllowed && verdict.Reason != RateLimitReason.TriggerCooldown)
        {
            services.Metrics.RateLimited(verdict.Reason);
            services.Decisions.Report(item, DecisionOutcome.RateLimited, fired.Trigger, ChatBotMetrics.LimitName(verdict.Reason), retryAfter: verdict.RetryAfter);
            return false;
        }

        services.RateLimiter.Record(fired.Request, item.Now);
        return true;
    }

    private async Task<ReplyText> RunHandlerAsync(PendingReply reply, ReplyHandler handler, ReplyContext context)
    {
        try
        {
            // Its own task: a handler that never returns (a script's endless loop) still times out.
            var text = await Deadline.RunAsync(token => Task.Run(() => handler(context, token).AsTask(), token), reply.Active.Definition.HandlerTimeout, services.Clock, services.Shutdown).ConfigureAwait(false);
            return new(text, FromModel: false);
        }
        catch (Exception ex) when (!services.Shutdown.IsCancellationRequested)
        {
            EngineLog.HandlerFailed(services.Logger, ex, reply.Item.CorrelationId, reply.Fired.Trigger.Name);
            return new(null, FromModel: false, DecisionOutcome.HandlerFailed, ex is TimeoutException ? DecisionReasons.HandlerTimeout : ex.GetType().Name);
        }
    }

    private LlmReplyStream AskLlm(PendingReply reply, ConcurrencyGate? slot)
    {
        var (item, active, fired, history) = reply;
        var definition = active.Definition;
        var messages = PromptBuilder.Build(definition, item.Event, fired.Trigger, history);
        var options = new ChatOptions { MaxOutputTokens = definition.Personality.MaxOutputTokens };
        return new LlmReplyStream(active.ChatClient, messages, options, new Deadline(definition.LlmTimeout, services.Clock, services.Shutdown), slot);
    }
}
