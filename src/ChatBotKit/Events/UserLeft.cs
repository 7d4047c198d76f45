namespace ChatBotKit.Events;

/// <summary>A user left the channel.</summary>
public sealed record UserLeft : ChatEvent
{
    /// <summary>Who left.</summary>
    public required ChatUser User { get; init; }

    /// <inheritdoc />
    public override string Kind => "part";

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
