namespace ChatBotKit.Events;

/// <summary>A user was timed out; their recent messages should be forgotten.</summary>
public sealed record UserTimedOut : ChatEvent
{
    /// <summary>The user timed out.</summary>
    public required ChatUser User { get; init; }

    /// <summary>How long the timeout lasts.</summary>
    public TimeSpan Duration { get; init; }

    /// <inheritdoc />
    public override string Kind => "timeout";
}
