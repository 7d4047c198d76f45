namespace ChatBotKit.Events;

/// <summary>A user followed the channel.</summary>
public sealed record UserFollowed : ChatEvent
{
    /// <summary>Who followed.</summary>
    public required ChatUser User { get; init; }

    /// <inheritdoc />
    public override string Kind => "follow";

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
