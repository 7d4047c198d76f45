using System.Globalization;
using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Filters;
using ChatBotKit.RateLimiting;

namespace ChatBotKit.Cli;

/// <summary>
/// Tells the person at the console, in words, why the bot stayed quiet about a message:
/// <c>(kit stays quiet about bob's "!dice": bob had all the replies allowed for now; free again in 42 s)</c>.
/// </summary>
internal sealed class QuietReasons(TextWriter output, string botName) : IDecisionListener
{
    public void OnDecision(in ChatDecision decision)
    {
        if (Why(decision) is not { } why)
        {
            return;
        }

        lock (output)
        {
            output.WriteLine($"  ({botName} stays quiet{About(decision.Event)}: {why})");
        }
    }

    private string? Why(in ChatDecision decision)
    {
        var user = (decision.Event?.Author?.DisplayName) ?? "the viewer";
        return decision.Outcome switch
        {
            DecisionOutcome.RateLimited => $"{Limit(decision.Reason, user)}; free again in {Seconds(decision.RetryAfter)}",
            DecisionOutcome.NoTrigger when decision.Reason == DecisionReasons.Cooldown => $"{decision.Trigger} was answered a moment ago and is cooling down",
            DecisionOutcome.NoTrigger when decision.Reason == DecisionReasons.Probability => $"{decision.Trigger} answers only now and then, and this time it did not",
            DecisionOutcome.Ignored when decision.Reason == DecisionReasons.OtherBot => $"{user} is another bot",
            DecisionOutcome.Ignored when decision.Reason == DecisionReasons.ReplyLoop => $"{user} and {botName} kept answering each other within seconds, so {user} is paused for a while",
            DecisionOutcome.Filtered => Filtered(decision.Filter, decision.Reason),
            DecisionOutcome.LlmBusy => "the language model was busy with other replies for too long",
            DecisionOutcome.LlmTimeout => "the language model took too long to answer",
            DecisionOutcome.LlmFailed => "the language model failed (the line above says why)",
            DecisionOutcome.NoReply => "the reply came back empty",
            DecisionOutcome.HandlerFailed => $"the {decision.Trigger} handler failed ({decision.Reason})",
            DecisionOutcome.SendFailed => $"sending the reply failed ({decision.Reason})",
            DecisionOutcome.Dropped => "too many messages were waiting, so this one was skipped",
            _ => null,
        };
    }

    // The decision's reason for a rate limit is the RateLimitReason's name (ChatBotMetrics.LimitName).
    private string Limit(string? reason, string user) => reason switch
    {
        nameof(RateLimitReason.User) => $"{user} had all the replies allowed for now",
        nameof(RateLimitReason.Channel) => "the channel had all the replies allowed for now",
        nameof(RateLimitReason.Global) => $"{botName} had all the replies allowed across channels for now",
        nameof(RateLimitReason.MinimumGap) => $"{botName} replied only a moment ago",
        nameof(RateLimitReason.TriggerCooldown) => "the trigger is cooling down",
        _ => $"a rate limit held it ({reason})",
    };

    private static string Filtered(string? filter, string? reason) => reason switch
    {
        FilterReasons.Duplicate => "the reply repeated one of the bot's recent messages",
        FilterReasons.BlockedWord or FilterReasons.BlockedPattern => "the reply contained something on the blocklist",
        FilterReasons.NonSubstantive => "the reply said nothing of substance",
        FilterReasons.Empty => "nothing was left of the reply after filtering",
        _ => $"the {filter} filter rejected the reply ({reason})",
    };

    private static string About(ChatEvent? chatEvent) => chatEvent switch
    {
        MessageReceived message => $" about {message.User.DisplayName}'s \"{Shorten(message.Text)}\"",
        null => "",
        _ => $" about the {chatEvent.Kind}",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 39), "…");

    private static string Seconds(TimeSpan wait) => $"{Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} s";
}
