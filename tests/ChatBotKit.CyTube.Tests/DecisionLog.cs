using System.Collections.Concurrent;
using ChatBotKit.Engine;

namespace ChatBotKit.CyTube.Tests;

/// <summary>Keeps the engine's decisions so that a failing test can say what the engine did.</summary>
internal sealed class DecisionLog : IDecisionListener
{
    private readonly ConcurrentQueue<string> _decisions = new();

    public void OnDecision(in ChatDecision decision) =>
        _decisions.Enqueue($"{decision.EventKind}: {decision.Outcome} {decision.Trigger} {decision.Reason} {decision.Filter}");

    public override string ToString() => string.Join("; ", _decisions);
}
