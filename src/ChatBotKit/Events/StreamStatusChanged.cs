namespace ChatBotKit.Events;

/// <summary>The channel's stream went live or ended.</summary>
public sealed record StreamStatusChanged : ChatEvent
{
    /// <summary>Whether the stream is live now.</summary>
    public required bool IsLive { get; init; }

    /// <inheritdoc />
    public override string Kind => IsLive ? "stream-online" : "stream-offline";
}
