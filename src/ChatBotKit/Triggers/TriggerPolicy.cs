namespace ChatBotKit.Triggers;

/// <summary>
/// When a trigger that matched may fire: not while it cools down in the channel, and only if it
/// wins its probability roll. The engine applies it; rate limits come after.
/// </summary>
public sealed record TriggerPolicy
{
    /// <summary>No cooldown, always fires.</summary>
    public static TriggerPolicy Default { get; } = new();

    /// <summary>How long after firing in a channel the trigger stays quiet there.</summary>
    public TimeSpan Cooldown { get; init; }

    /// <summary>The chance, from 0 to 1, that a match fires.</summary>
    public double Probability { get; init; } = 1.0;

    /// <summary>
    /// How much the trigger's replies matter when they are spoken: a newer reply of higher priority
    /// interrupts the one being spoken (default 0). Passed to the speaker as
    /// <see cref="Speech.SpeechRequest.Priority"/>.
    /// </summary>
    public int Priority { get; init; }

    /// <summary>Checks the settings; problems are reported under <paramref name="path"/> (for example <c>Triggers[2]</c>).</summary>
    /// <exception cref="ChatBotConfigurationException">A setting is out of range.</exception>
    public void Validate(string path)
    {
        if (Cooldown < TimeSpan.Zero)
        {
            throw new ChatBotConfigurationException($"{path}.Cooldown", $"must not be negative (was {Cooldown})");
        }

        if (double.IsNaN(Probability) || Probability is < 0 or > 1)
        {
            throw new ChatBotConfigurationException($"{path}.Probability", $"must be between 0 and 1 (was {Probability})");
        }
    }
}
