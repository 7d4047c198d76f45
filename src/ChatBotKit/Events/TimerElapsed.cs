using ChatBotKit.Triggers;

namespace ChatBotKit.Events;

/// <summary>Raised by the engine, not a platform: a <see cref="TimerTrigger"/>'s interval passed in a channel.</summary>
public sealed record TimerElapsed : ChatEvent
{
    /// <summary>The timer that ticked.</summary>
    public required TimerTrigger Trigger { get; init; }

    /// <summary>Viewer messages the channel saw since this timer's previous tick.</summary>
    public int MessagesSinceLastTick { get; init; }

    /// <inheritdoc />
    public override string Kind => "timer";
}
