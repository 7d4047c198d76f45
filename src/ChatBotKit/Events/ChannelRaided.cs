namespace ChatBotKit.Events;

/// <summary>Another channel raided this one.</summary>
public sealed record ChannelRaided : ChatEvent
{
    /// <summary>The raiding broadcaster.</summary>
    public required ChatUser Raider { get; init; }

    /// <summary>How many viewers came along.</summary>
    public int ViewerCount { get; init; }

    /// <inheritdoc />
    public override string Kind => "raid";

    /// <inheritdoc />
    public override ChatUser? Author => Raider;
}
