namespace ChatBotKit.Speech;

/// <summary>What a spoken reply answers: where it belongs, which trigger wrote it, and how much it matters.</summary>
public sealed record SpeechRequest
{
    /// <summary>The platform of the event the reply answers.</summary>
    public required string Platform { get; init; }

    /// <summary>The channel of the event the reply answers.</summary>
    public required string Channel { get; init; }

    /// <summary>The name of the trigger that fired.</summary>
    public required string Trigger { get; init; }

    /// <summary>Ties the reply to the event in logs and the decision log.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>A newer reply of higher priority interrupts the one being spoken (default 0).</summary>
    public int Priority { get; init; }
}
