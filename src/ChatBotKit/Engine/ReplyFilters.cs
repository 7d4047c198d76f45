using ChatBotKit.Context;
using ChatBotKit.Events;
using ChatBotKit.Filters;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

/// <summary>The filter stage of a channel: runs the definition's response filters over a reply.</summary>
internal static class ReplyFilters
{
    /// <summary>The reply cleaned, split or rejected; a filter that throws rejects it.</summary>
    public static FilterOutcome Apply(PendingReply reply, ReplyText text, ContextEntry[] history, ILogger logger) =>
        Run(reply.Active.Definition.Filters, reply, text.Text!, text.FromModel, history, logger);

    /// <summary>
    /// One message of a streamed reply cleaned, split or rejected. The first message passes every
    /// filter and stands for the whole reply; later ones skip the checks that judge a whole reply
    /// (the duplicate check). The reply's last allowed message is cut with "…", never split.
    /// </summary>
    public static FilterOutcome ApplyStreamed(PendingReply reply, ChatDraft draft, bool first, ContextEntry[] history, ILogger logger)
    {
        var filters = reply.Active.Definition.Filters;
        if (!first || draft.CutsTheRest)
        {
            filters = new ResponseFilterChain(filters.Filters
                .Where(f => first || f is not DuplicateFilter)
                .Select(f => draft.CutsTheRest && f is MaxLengthFilter { Mode: LongReplyMode.Split } ? new MaxLengthFilter(LongReplyMode.Cut) : f));
        }

        return Run(filters, reply, draft.Text, fromModel: true, history, logger);
    }

    private static FilterOutcome Run(ResponseFilterChain filters, PendingReply reply, string text, bool fromModel, ContextEntry[] history, ILogger logger)
    {
        try
        {
            return filters.Apply(text, Context(reply.Active.Definition, reply.Item.Event.Platform, reply.Item.Source.Limits.MaxMessageLength, history, fromModel));
        }
        catch (Exception ex)
        {
            // A filter of the bot author's that throws must not let an unchecked reply through.
            EngineLog.FilterFailed(logger, ex, reply.Item.CorrelationId);
            return FilterOutcome.Rejected("filter-error", ex.GetType().Name);
        }
    }

    /// <summary>What the filters know of a reply: the bot, the platform's message length, the bot's recent messages in <paramref name="history"/>.</summary>
    public static ResponseFilterContext Context(ChatBotDefinition definition, ChatPlatform platform, int maxMessageLength, ContextEntry[] history, bool fromModel)
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
            Platform = platform,
            MaxMessageLength = maxMessageLength,
            RecentBotMessages = recent,
            FromLanguageModel = fromModel,
        };
    }
}
