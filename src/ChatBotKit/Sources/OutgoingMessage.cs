using ChatBotKit.Events;

namespace ChatBotKit.Sources;

/// <summary>A message the bot sends.</summary>
public sealed record OutgoingMessage
{
    /// <summary>
    /// The platform of <see cref="Channel"/>, for sources that carry several platforms (a replay,
    /// a message bus); <see langword="null"/> means the source's own platform.
    /// </summary>
    public ChatPlatform? Platform { get; init; }

    /// <summary>The channel to send to.</summary>
    public required string Channel { get; init; }

    /// <summary>The text, already filtered and within the platform's length limit.</summary>
    public required string Text { get; init; }

    /// <summary>Public, or private to <see cref="Recipient"/>.</summary>
    public MessageKind Kind { get; init; } = MessageKind.Public;

    /// <summary>The user a private message goes to.</summary>
    public ChatUser? Recipient { get; init; }

    /// <summary>The message being replied to, for platforms that thread replies.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>The trigger that caused this message.</summary>
    public string? Trigger { get; init; }

    /// <summary>The correlation id of the event that caused this message.</summary>
    public CorrelationId CorrelationId { get; init; }

    /// <summary>When the engine decided to send it.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
