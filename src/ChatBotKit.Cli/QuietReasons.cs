using ChatBotKit.Engine;

namespace ChatBotKit.Cli;

/// <summary>Tells the person at the console why the bot stayed quiet when a trigger fired.</summary>
internal sealed class QuietReasons(TextWriter output, string botName) : IDecisionListener
{
    public void OnDecision(in ChatDecision decision)
    {
        var why = decision.Outcome switch
        {
            DecisionOutcome.RateLimited => $"rate limit ({decision.Reason}), free again in {decision.RetryAfter.TotalSeconds:0} s",
            DecisionOutcome.NoTrigger when decision.Trigger is not null => $"{decision.Trigger} is on {decision.Reason}",
            DecisionOutcome.Filtered => $"the {decision.Filter} filter rejected the reply ({decision.Reason})",
            DecisionOutcome.Replied or DecisionOutcome.FallbackSent or DecisionOutcome.NoTrigger or DecisionOutcome.Ignored => null,
            _ => $"{decision.Outcome} {decision.Reason}".TrimEnd(),
        };
        if (why is not null)
        {
            lock (output)
            {
                output.WriteLine($"  ({botName} stays quiet: {why})");
            }
        }
    }
}
