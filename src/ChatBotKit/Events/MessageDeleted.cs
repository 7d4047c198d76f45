namespace ChatBotKit.Events;

/// <summary>A moderator deleted one message.</summary>
public sealed record MessageDeleted : ChatEvent
{
    /// <summary>The id of the deleted message.</summary>
    public required string MessageId { get; init; }

    /// <summary>The deleted message's author, when known.</summary>
    public ChatUser? User { get; init; }

    /// <inheritdoc />
    public override string Kind => "message-deleted";
}
