using ChatBotKit.Context;
using ChatBotKit.Events;
using ChatBotKit.Filters;
using ChatBotKit.Policies;
using ChatBotKit.Prompting;
using ChatBotKit.Sources;
using ChatBotKit.Text;
using ChatBotKit.Triggers;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Engine;

public sealed partial class ChatBotEngine
{
    /// <summary>
    /// Runs <paramref name="message"/> through the definition in force (decide, respond, filter) against
    /// its channel's conversation, and sends nothing: no rate limit, cooldown or context window changes.
    /// Rate limits and cooldowns are not consulted, so the first trigger that matches is the one shown.
    /// </summary>
    public async Task<ReplyRehearsal> RehearseAsync(MessageReceived message, PlatformLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var active = Active;
        var definition = active.Definition;
        var now = TimeProvider.GetUtcNow();
        ContextEntry[] before = _channels.TryGetValue((message.Platform, message.Channel), out var worker) ? worker.Context.Snapshot(now) : [];
        ContextEntry[] history = [.. before, new ContextEntry(message.Id, message.User.Id, message.User.DisplayName, TextSanitizer.Clean(message.Text, PromptBuilder.MaxViewerTextLength), now, FromBot: false)];
        var decide = new TriggerContext(message, definition.Identity, 0, now);
        if (definition.Triggers.FirstOrDefault(t => t.Matches(decide)) is not { } trigger)
        {
            return new ReplyRehearsal { Problem = DecisionReasons.NoMatch };
        }

        IReadOnlyList<ChatMessage> prompt = [];
        string? raw;
        try
        {
            if (trigger.Responder.Handler is { } handler)
            {
                var context = Reply(message, trigger, active, history, now);
                raw = await Deadline.RunAsync(token => handler(context, token).AsTask(), definition.HandlerTimeout, TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                prompt = PromptBuilder.Build(definition, message, trigger, history);
                var options = new ChatOptions { MaxOutputTokens = definition.Personality.MaxOutputTokens };
                var response = await Deadline.RunAsync(token => active.ChatClient.GetResponseAsync(prompt, options, token), definition.LlmTimeout, TimeProvider, cancellationToken).ConfigureAwait(false);
                raw = response.Text;
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReplyRehearsal { Trigger = trigger.Name, Prompt = prompt, Problem = e is TimeoutException ? DecisionReasons.LlmTimeout : e.Message };
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            return new ReplyRehearsal { Trigger = trigger.Name, Prompt = prompt, RawReply = raw, Problem = "no reply" };
        }

        var verdicts = new List<FilterVerdict>();
        var filtering = ReplyFilters.Context(definition, message.Platform, (limits ?? PlatformLimits.Default).MaxMessageLength, history, fromModel: trigger.Responder.Handler is null);
        var outcome = definition.Filters.Apply(raw, filtering, (f, parts, rejection) => verdicts.Add(new FilterVerdict(f.Name, [.. parts], rejection)));
        return new ReplyRehearsal
        {
            Trigger = trigger.Name,
            Prompt = prompt,
            RawReply = raw,
            Filters = verdicts,
            Messages = outcome.Messages,
            Problem = outcome.IsRejected ? $"{outcome.RejectedBy}: {outcome.Reason}" : null,
        };
    }

    private static ReplyContext Reply(MessageReceived message, ITrigger trigger, ActiveDefinition active, ContextEntry[] history, DateTimeOffset now) => new()
    {
        Event = message,
        Trigger = trigger,
        Bot = active.Definition.Identity,
        History = history,
        ChatClient = active.ChatClient,
        Now = now,
        Random = Random.Shared,
        CorrelationId = CorrelationId.Next(),
    };
}
