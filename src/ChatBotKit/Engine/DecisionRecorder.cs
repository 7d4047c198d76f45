namespace ChatBotKit.Engine;

/// <summary>Keeps the most recent decisions in memory, for tests, dashboards and diagnostics.</summary>
public sealed class DecisionRecorder : IDecisionListener
{
    private readonly Lock _gate = new();
    private readonly Queue<ChatDecision> _decisions;
    private readonly int _capacity;

    /// <summary>Creates a recorder that keeps the last <paramref name="capacity"/> decisions.</summary>
    public DecisionRecorder(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _decisions = new Queue<ChatDecision>(Math.Min(capacity, 1024));
    }

    /// <summary>The decisions kept, oldest first.</summary>
    public IReadOnlyList<ChatDecision> Decisions
    {
        get
        {
            lock (_gate)
            {
                return [.. _decisions];
            }
        }
    }

    /// <inheritdoc />
    public void OnDecision(in ChatDecision decision)
    {
        lock (_gate)
        {
            if (_decisions.Count == _capacity)
            {
                _decisions.Dequeue();
            }

            _decisions.Enqueue(decision);
        }
    }
}
