using ChatBotKit.Context;
using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Engine;

/// <summary>
/// The filter-and-send stage of a channel. One reply at a time is filtered and sent: the
/// duplicate check sees every reply that went out before it, and the parts of two long replies
/// never interleave. Public replies join the context window as the bot's own lines.
/// </summary>
internal sealed class ReplySender(ChannelServices services, ContextWindow context, ChannelActivity activity, ReplyLoopGuard loopGuard) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Filters and sends <paramref name="text"/>; how many messages went out. Reports the decision.</summary>
    public async Task<int> SendAsync(PendingReply reply, ReplyText text)
    {
        var (item, _, fired, _) = reply;
        await _turn.WaitAsync(services.Shutdown).ConfigureAwait(false);
        try
        {
            var filtered = ReplyFilters.Apply(reply, text, History(), services.Logger);
            if (filtered.IsRejected)
            {
                services.Metrics.FilterRejected(filtered);
                services.Decisions.Report(item, DecisionOutcome.Filtered, fired.Trigger, filtered.Reason, filtered.RejectedBy);
                return 0;
            }

            var sent = await SendPartsAsync(reply, filtered.Messages, sentBefore: 0, remember: true).ConfigureAwait(false);
            if (sent == filtered.Messages.Count)
            {
                services.Decisions.Report(item, text.Failure is null ? DecisionOutcome.Replied : DecisionOutcome.FallbackSent, fired.Trigger, text.Reason, sent: sent, replies: filtered.Messages);
            }

            return sent;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Waits for the channel's turn to send: one reply at a time.</summary>
    public Task EnterTurnAsync() => _turn.WaitAsync(services.Shutdown);

    /// <summary>Gives the turn to the next reply.</summary>
    public void LeaveTurn() => _turn.Release();

    /// <summary>The channel's conversation now, for the filters.</summary>
    public ContextEntry[] History() => context.Snapshot(services.Clock.GetUtcNow());

    /// <summary>Adds a line the bot said (or spoke) to the channel's context.</summary>
    public void Remember(PendingReply reply, string text)
    {
        var bot = reply.Active.Definition.Identity.Name;
        context.Add(new ContextEntry(null, bot, bot, text, reply.Item.Now, FromBot: true));
        activity.BotSpoke();
    }

    /// <inheritdoc />
    public void Dispose() => _turn.Dispose();

    /// <summary>
    /// Sends <paramref name="parts"/>, which follow <paramref name="sentBefore"/> messages of the same
    /// reply; how many went out. A failure is reported, with every message of the reply that went out.
    /// Public parts join the context when <paramref name="remember"/> is set.
    /// </summary>
    public async Task<int> SendPartsAsync(PendingReply reply, IReadOnlyList<string> parts, int sentBefore, bool remember)
    {
        var (item, active, fired, _) = reply;
        var definition = active.Definition;
        var message = item.Event as MessageReceived;
        var isPrivate = message?.MessageKind == MessageKind.Private;
        for (var i = 0; i < parts.Count; i++)
        {
            var outgoing = new OutgoingMessage
            {
                Platform = item.Event.Platform,
                Channel = item.Event.Channel,
                Text = parts[i],
                Kind = isPrivate ? MessageKind.Private : MessageKind.Public,
                Recipient = isPrivate ? message!.User : null,
                ReplyToId = sentBefore + i == 0 ? message?.Id : null,
                Trigger = fired.Trigger.Name,
                CorrelationId = item.CorrelationId,
                Timestamp = item.Now,
            };
            SendResult result;
            try
            {
                result = await item.Source.SendAsync(outgoing, services.Shutdown).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                EngineLog.SendFailed(services.Logger, ex, item.CorrelationId, item.Event.Platform, item.Event.Channel);
                services.Decisions.Report(item, DecisionOutcome.SendFailed, fired.Trigger, ex.GetType().Name, sent: sentBefore + i);
                return i;
            }

            if (!result.IsAccepted)
            {
                // Dropped by the source (a read-only connection, a whisper it cannot send): not a
                // reply, so it neither counts nor enters the context.
                EngineLog.NotSent(services.Logger, item.CorrelationId, item.Event.Platform, item.Event.Channel, result.Reason ?? "dropped");
                services.Decisions.Report(item, DecisionOutcome.SendFailed, fired.Trigger, result.Reason, sent: sentBefore + i);
                return i;
            }

            services.Metrics.MessageSent();
            if (sentBefore + i == 0 && item.Event.Author is { } author)
            {
                loopGuard.Replied(definition.LoopLimits, author.Id, services.Clock.GetUtcNow());
            }

            if (remember && !isPrivate)
            {
                Remember(reply, parts[i]);
            }
        }

        return parts.Count;
    }
}
