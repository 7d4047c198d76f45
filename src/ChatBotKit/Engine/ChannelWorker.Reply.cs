using ChatBotKit.Context;
using ChatBotKit.Events;
using ChatBotKit.Filters;
using ChatBotKit.Policies;
using ChatBotKit.Prompting;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using ChatBotKit.Triggers;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Engine;

internal sealed partial class ChannelWorker
{
    private void Fire(in WorkItem item, ActiveDefinition active, ITrigger trigger, in RateLimitRequest request)
    {
        _engine.Metrics.TriggerFired(trigger.Kind);
        // The reply's randomness is drawn first, on the loop, whether or not the reply gets an LLM
        // slot: a busy LLM must not shift the seeded rolls of the events after it.
        var random = _seed is null ? Random.Shared : new Random(_random.Next());
        var slots = trigger.Responder.UsesLanguageModel ? _llmSlots : null;
        if (trigger.Responder.Confirm is not null)
        {
            _lastAsked[trigger.Name] = item.Now;
        }
        else
        {
            _engine.RateLimiter.Record(request, item.Now);
        }

        var history = Context.Snapshot(item.Now);
        _engine.WorkStarted();
        Interlocked.Increment(ref _repliesInFlight);
        // Replies start off the channel loop, so a handler or LLM client that blocks (even an
        // endless loop in a script), or a wait for an LLM slot, can only cost its own reply.
        var reply = new PendingReply(this, item, active, trigger, request, history, slots, random);
        ThreadPool.UnsafeQueueUserWorkItem(static r => _ = r.Worker.ReplyAsync(r), reply, preferLocal: false);
    }

    private async Task ReplyAsync(PendingReply pending)
    {
        var (_, item, active, trigger, request, history, slots, random) = pending;
        var responder = trigger.Responder;
        var recorded = responder.Confirm is null;
        var sent = 0;
        ConcurrencyGate? slot = null;
        try
        {
            var definition = active.Definition;
            if (slots is not null)
            {
                if (!await slots.TryEnterAsync(definition.LlmQueueWait, _engine.TimeProvider, _engine.ShutdownToken).ConfigureAwait(false))
                {
                    Decide(item, DecisionOutcome.LlmBusy, trigger, DecisionReasons.LlmBusy);
                    return;
                }

                slot = slots;
            }

            var context = new ReplyContext
            {
                Event = item.Event,
                Trigger = trigger,
                Bot = definition.Identity,
                History = history,
                ChatClient = active.ChatClient,
                Now = item.Now,
                Random = random,
                CorrelationId = item.CorrelationId,
            };
            if (responder.Confirm is { } confirm)
            {
                recorded = await ConfirmAsync(item, trigger, confirm, context, request, definition).ConfigureAwait(false);
                if (!recorded)
                {
                    return;
                }
            }

            var fromModel = responder.Handler is null;
            var reply = responder.Handler is { } handler
                ? await RunHandlerAsync(item, trigger, handler, context, definition).ConfigureAwait(false)
                : await AskLlmAsync(item, trigger, active, history).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(reply.Text))
            {
                Decide(item, reply.Failure ?? DecisionOutcome.NoReply, trigger, reply.Reason);
                return;
            }

            // One reply at a time is judged and sent: the duplicate check sees every reply that went
            // out before it, and the parts of two long replies never interleave.
            await _sendGate.WaitAsync(_engine.ShutdownToken).ConfigureAwait(false);
            try
            {
                var filtered = ApplyFilters(item, definition, reply.Text, fromModel);
                if (filtered.IsRejected)
                {
                    _engine.Metrics.FilterRejected(filtered);
                    Decide(item, DecisionOutcome.Filtered, trigger, filtered.Reason, filtered.RejectedBy);
                    return;
                }

                sent = await SendAsync(item, trigger, definition, filtered.Messages).ConfigureAwait(false);
                if (sent == filtered.Messages.Count)
                {
                    Decide(item, reply.Failure is null ? DecisionOutcome.Replied : DecisionOutcome.FallbackSent, trigger, reply.Reason, sent: sent);
                }
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (OperationCanceledException) when (_engine.ShutdownToken.IsCancellationRequested)
        {
            // Shutdown cut the reply short while it waited for its turn to send.
        }
        catch (Exception ex)
        {
            EngineLog.Unexpected(_engine.Logger, ex, item.CorrelationId, Platform, Channel);
        }
        finally
        {
            if (recorded && sent == 0)
            {
                // Nothing reached the chat: the viewer's and the channel's slots are given back.
                _engine.RateLimiter.Release(request, item.Now);
            }

            slot?.Release();
            Interlocked.Decrement(ref _repliesInFlight);
            _engine.WorkFinished();
        }
    }

    private async Task<bool> ConfirmAsync(WorkItem item, ITrigger trigger, ReplyConfirmation confirm, ReplyContext context, RateLimitRequest request, ChatBotDefinition definition)
    {
        try
        {
            if (!await Deadline.RunAsync(token => confirm(context, token).AsTask(), definition.LlmTimeout, _engine.TimeProvider, _engine.ShutdownToken).ConfigureAwait(false))
            {
                Decide(item, DecisionOutcome.Declined, trigger);
                return false;
            }
        }
        catch (Exception ex) when (!_engine.ShutdownToken.IsCancellationRequested)
        {
            var timedOut = ex is TimeoutException;
            Decide(item, timedOut ? DecisionOutcome.LlmTimeout : DecisionOutcome.LlmFailed, trigger, timedOut ? DecisionReasons.LlmTimeout : DecisionReasons.LlmFailed);
            return false;
        }

        // Other replies may have gone out while the LLM thought about it.
        var verdict = _engine.RateLimiter.Evaluate(request, item.Now);
        if (!verdict.IsAllowed && verdict.Reason != RateLimitReason.TriggerCooldown)
        {
            _engine.Metrics.RateLimited(verdict.Reason);
            Decide(item, DecisionOutcome.RateLimited, trigger, ChatBotMetrics.LimitName(verdict.Reason), retryAfter: verdict.RetryAfter);
            return false;
        }

        _engine.RateLimiter.Record(request, item.Now);
        return true;
    }

    private async Task<ReplyText> RunHandlerAsync(WorkItem item, ITrigger trigger, ReplyHandler handler, ReplyContext context, ChatBotDefinition definition)
    {
        try
        {
            // Its own task: a handler that never returns (a script's endless loop) still times out.
            return new(await Deadline.RunAsync(token => Task.Run(() => handler(context, token).AsTask(), token), definition.HandlerTimeout, _engine.TimeProvider, _engine.ShutdownToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (!_engine.ShutdownToken.IsCancellationRequested)
        {
            EngineLog.HandlerFailed(_engine.Logger, ex, item.CorrelationId, trigger.Name);
            return new(null, DecisionOutcome.HandlerFailed, ex is TimeoutException ? DecisionReasons.HandlerTimeout : ex.GetType().Name);
        }
    }

    private async Task<ReplyText> AskLlmAsync(WorkItem item, ITrigger trigger, ActiveDefinition active, ContextEntry[] history)
    {
        var definition = active.Definition;
        var messages = PromptBuilder.Build(definition, item.Event, trigger, history);
        var options = new ChatOptions { MaxOutputTokens = definition.Personality.MaxOutputTokens };
        try
        {
            var response = await Deadline.RunAsync(token => active.ChatClient.GetResponseAsync(messages, options, token), definition.LlmTimeout, _engine.TimeProvider, _engine.ShutdownToken).ConfigureAwait(false);
            return new(response.Text);
        }
        catch (TimeoutException)
        {
            EngineLog.LlmTimedOut(_engine.Logger, item.CorrelationId, trigger.Name, definition.LlmTimeout);
            return new(definition.FallbackReply, DecisionOutcome.LlmTimeout, DecisionReasons.LlmTimeout);
        }
        catch (Exception ex) when (!_engine.ShutdownToken.IsCancellationRequested)
        {
            // One readable line for the streamer; the stack trace only when asked for.
            EngineLog.LlmFailed(_engine.Logger, item.CorrelationId, trigger.Name, ex.Message);
            EngineLog.LlmFailureDetails(_engine.Logger, ex, item.CorrelationId);
            return new(definition.FallbackReply, DecisionOutcome.LlmFailed, DecisionReasons.LlmFailed);
        }
    }

    private async Task<int> SendAsync(WorkItem item, ITrigger trigger, ChatBotDefinition definition, IReadOnlyList<string> parts)
    {
        var message = item.Event as MessageReceived;
        var isPrivate = message?.MessageKind == MessageKind.Private;
        for (var i = 0; i < parts.Count; i++)
        {
            var outgoing = new OutgoingMessage
            {
                Platform = Platform,
                Channel = Channel,
                Text = parts[i],
                Kind = isPrivate ? MessageKind.Private : MessageKind.Public,
                Recipient = isPrivate ? message!.User : null,
                ReplyToId = i == 0 ? message?.Id : null,
                Trigger = trigger.Name,
                CorrelationId = item.CorrelationId,
                Timestamp = item.Now,
            };
            SendResult result;
            try
            {
                result = await item.Source.SendAsync(outgoing, _engine.ShutdownToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                EngineLog.SendFailed(_engine.Logger, ex, item.CorrelationId, Platform, Channel);
                Decide(item, DecisionOutcome.SendFailed, trigger, ex.GetType().Name, sent: i);
                return i;
            }

            if (!result.IsAccepted)
            {
                // Dropped by the source (a read-only connection, a whisper it cannot send): not a
                // reply, so it neither counts nor enters the context.
                EngineLog.NotSent(_engine.Logger, item.CorrelationId, Platform, Channel, result.Reason ?? "dropped");
                Decide(item, DecisionOutcome.SendFailed, trigger, result.Reason, sent: i);
                return i;
            }

            _engine.Metrics.MessageSent();
            if (i == 0 && item.Event.Author is { } author)
            {
                _loopGuard.Replied(definition.LoopLimits, author.Id, _engine.TimeProvider.GetUtcNow());
            }

            if (!isPrivate)
            {
                var bot = definition.Identity.Name;
                Context.Add(new ContextEntry(null, bot, bot, parts[i], item.Now, FromBot: true));
                Interlocked.Exchange(ref _messagesSinceBotSpoke, 0);
            }
        }

        return parts.Count;
    }

    private FilterOutcome ApplyFilters(in WorkItem item, ChatBotDefinition definition, string text, bool fromModel)
    {
        try
        {
            return definition.Filters.Apply(text, FilterContext(item, definition, Context.Snapshot(_engine.TimeProvider.GetUtcNow()), fromModel));
        }
        catch (Exception ex)
        {
            // A filter of the bot author's that throws must not let an unchecked reply through.
            EngineLog.FilterFailed(_engine.Logger, ex, item.CorrelationId);
            return FilterOutcome.Rejected("filter-error", ex.GetType().Name);
        }
    }

    private ResponseFilterContext FilterContext(in WorkItem item, ChatBotDefinition definition, ContextEntry[] history, bool fromModel)
    {
        var lookback = definition.FilterSettings.DuplicateLookback;
        var recent = new List<string>(lookback);
        for (var i = history.Length - 1; i >= 0 && recent.Count < lookback; i--)
        {
            if (history[i].FromBot)
            {
                recent.Insert(0, history[i].Text);
            }
        }

        return new ResponseFilterContext
        {
            Bot = definition.Identity,
            Platform = Platform,
            MaxMessageLength = item.Source.Limits.MaxMessageLength,
            RecentBotMessages = recent,
            FromLanguageModel = fromModel,
        };
    }

    /// <summary>A fired trigger's reply, waiting for a thread-pool thread.</summary>
    private sealed record PendingReply(
        ChannelWorker Worker,
        WorkItem Item,
        ActiveDefinition Active,
        ITrigger Trigger,
        RateLimitRequest Request,
        ContextEntry[] History,
        ConcurrencyGate? Slots,
        Random Random);

    /// <summary>A reply's text, or why there is none (or why it is the fallback).</summary>
    private readonly record struct ReplyText(string? Text, DecisionOutcome? Failure = null, string? Reason = null);
}
