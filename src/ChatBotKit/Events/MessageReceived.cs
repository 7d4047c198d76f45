namespace ChatBotKit.Events;

/// <summary>A viewer wrote a message.</summary>
public sealed record MessageReceived : ChatEvent
{
    /// <summary>Who wrote it.</summary>
    public required ChatUser User { get; init; }

    /// <summary>The message text, as sent.</summary>
    public required string Text { get; init; }

    /// <summary>Public, private or action.</summary>
    public MessageKind MessageKind { get; init; }

    /// <summary>The id of the message this one replies to, when it is a threaded reply.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Whether the platform marks this as the author's first message in the channel.</summary>
    public bool IsFirstMessage { get; init; }

    /// <inheritdoc />
    public override string Kind => MessageKind switch
    {
        MessageKind.Private => "private-message",
        MessageKind.Action => "action",
        _ => "message",
    };

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
