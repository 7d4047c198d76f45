namespace ChatBotKit.Events;

/// <summary>A user joined the channel.</summary>
public sealed record UserJoined : ChatEvent
{
    /// <summary>Who joined.</summary>
    public required ChatUser User { get; init; }

    /// <inheritdoc />
    public override string Kind => "join";

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
