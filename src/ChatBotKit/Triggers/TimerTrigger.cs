using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>
/// Speaks up every <see cref="Interval"/> in each channel, but only if the channel has had at
/// least <see cref="MinMessages"/> viewer messages since the last tick, so the bot never talks
/// into an empty room. The engine raises a <see cref="TimerElapsed"/> event named after the
/// trigger per tick.
/// </summary>
public sealed class TimerTrigger : ChatTrigger
{
    /// <summary>Creates the trigger.</summary>
    public TimerTrigger(TimeSpan interval) => Interval = interval;

    /// <summary>How often the timer ticks.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Viewer messages needed since the previous tick. Default 5.</summary>
    public int MinMessages { get; init; } = 5;

    /// <inheritdoc />
    public override string Kind => "timer";

    /// <inheritdoc />
    public override TimeSpan? TimerInterval => Interval;

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) =>
        context.Event is TimerElapsed tick &&
        string.Equals(tick.Timer, Name, StringComparison.OrdinalIgnoreCase) &&
        tick.MessagesSinceLastTick >= MinMessages;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (Interval < TimeSpan.FromSeconds(1))
        {
            throw new ChatBotConfigurationException($"{path}.Interval", $"must be at least one second (was {Interval})");
        }

        if (MinMessages < 0)
        {
            throw new ChatBotConfigurationException($"{path}.MinMessages", $"must not be negative (was {MinMessages})");
        }

        if (Handler is null && Instruction is null)
        {
            throw new ChatBotConfigurationException($"{path}.Instruction", "a timer needs an instruction for the LLM or a handler");
        }
    }
}
