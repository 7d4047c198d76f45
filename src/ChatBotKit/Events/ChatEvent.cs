namespace ChatBotKit.Events;

/// <summary>
/// Something that happened in a chat channel. Every connector turns its wire format into this
/// small family of records; the original wire object stays in <see cref="RawRepresentation"/>.
/// </summary>
public abstract record ChatEvent
{
    /// <summary>The platform the event came from.</summary>
    public required ChatPlatform Platform { get; init; }

    /// <summary>The channel (room) the event belongs to.</summary>
    public required string Channel { get; init; }

    /// <summary>When the platform says the event happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The platform's id for the event, when it has one.</summary>
    public string? Id { get; init; }

    /// <summary>The wire object the event was made from (an IRC line, a JSON document, …).</summary>
    public object? RawRepresentation { get; init; }

    /// <summary>A short, stable name for the kind of event, used in logs and metrics.</summary>
    public abstract string Kind { get; }

    /// <summary>The user who caused the event, when there is one (rate limits count replies against them).</summary>
    public virtual ChatUser? Author => null;
}
