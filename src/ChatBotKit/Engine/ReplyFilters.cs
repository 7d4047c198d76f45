using ChatBotKit.Context;
using ChatBotKit.Filters;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

/// <summary>The filter stage of a channel: runs the definition's response filters over a reply.</summary>
internal static class ReplyFilters
{
    /// <summary>The reply cleaned, split or rejected; a filter that throws rejects it.</summary>
    public static FilterOutcome Apply(PendingReply reply, ReplyText text, ContextEntry[] history, ILogger logger)
    {
        var definition = reply.Active.Definition;
        try
        {
            return definition.Filters.Apply(text.Text!, Context(reply, history, text.FromModel));
        }
        catch (Exception ex)
        {
            // A filter of the bot author's that throws must not let an unchecked reply through.
            EngineLog.FilterFailed(logger, ex, reply.Item.CorrelationId);
            return FilterOutcome.Rejected("filter-error", ex.GetType().Name);
        }
    }

    private static ResponseFilterContext Context(PendingReply reply, ContextEntry[] history, bool fromModel)
    {
        var definition = reply.Active.Definition;
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
            Platform = reply.Item.Event.Platform,
            MaxMessageLength = reply.Item.Source.Limits.MaxMessageLength,
            RecentBotMessages = recent,
            FromLanguageModel = fromModel,
        };
    }
}
