using ChatBotKit.Events;

namespace ChatBotKit.Engine;

/// <summary>
/// What the engine decided about one event and why: which trigger fired or why none did, which
/// limit blocked, which filter rejected. Every event gets exactly one.
/// </summary>
public readonly record struct ChatDecision
{
    /// <summary>The event's correlation id.</summary>
    public required CorrelationId CorrelationId { get; init; }

    /// <summary>The event's platform.</summary>
    public required ChatPlatform Platform { get; init; }

    /// <summary>The event's channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The event the decision is about, when there is one (a timer's tick has none of a viewer's).</summary>
    public ChatEvent? Event { get; init; }

    /// <summary>The event's kind (<see cref="ChatEvent.Kind"/>).</summary>
    public required string EventKind { get; init; }

    /// <summary>What happened.</summary>
    public required DecisionOutcome Outcome { get; init; }

    /// <summary>The trigger that fired, or the last one that matched but was skipped.</summary>
    public string? Trigger { get; init; }

    /// <summary>Why, in a few stable words (<c>cooldown</c>, <c>Channel</c>, <c>duplicate</c>, …).</summary>
    public string? Reason { get; init; }

    /// <summary>The filter that rejected the reply, for <see cref="DecisionOutcome.Filtered"/>.</summary>
    public string? Filter { get; init; }

    /// <summary>When a rate limit blocked: how long until it would allow the reply.</summary>
    public TimeSpan RetryAfter { get; init; }

    /// <summary>How many messages went out.</summary>
    public int MessagesSent { get; init; }

    /// <summary>The messages the bot sent, for <see cref="DecisionOutcome.Replied"/> and <see cref="DecisionOutcome.FallbackSent"/>.</summary>
    public IReadOnlyList<string>? Replies { get; init; }

    /// <summary>The engine's time for the event.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
