namespace ChatBotKit.Events;

/// <summary>A user was banned; their recent messages should be forgotten.</summary>
public sealed record UserBanned : ChatEvent
{
    /// <summary>The user banned.</summary>
    public required ChatUser User { get; init; }

    /// <inheritdoc />
    public override string Kind => "ban";
}
