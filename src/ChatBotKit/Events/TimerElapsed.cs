namespace ChatBotKit.Events;

/// <summary>Raised by the engine, not a platform: a timer's interval passed in a channel.</summary>
public sealed record TimerElapsed : ChatEvent
{
    /// <summary>The name of the timer that ticked (the timer trigger's name).</summary>
    public required string Timer { get; init; }

    /// <summary>Viewer messages the channel saw since this timer's previous tick.</summary>
    public int MessagesSinceLastTick { get; init; }

    /// <inheritdoc />
    public override string Kind => "timer";
}
