namespace ChatBotKit.Triggers;

/// <summary>The common settings of the built-in triggers.</summary>
public abstract class ChatTrigger : ITrigger
{
    private string? _name;

    /// <inheritdoc />
    public string Name
    {
        get => _name ?? Kind;
        init => _name = value;
    }

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public TimeSpan Cooldown { get; init; }

    /// <inheritdoc />
    public double Probability { get; init; } = 1.0;

    /// <inheritdoc />
    public ReplyHandler? Handler { get; init; }

    /// <inheritdoc />
    public string? Instruction { get; init; }

    /// <inheritdoc />
    public abstract bool Matches(in TriggerContext context);

    /// <summary>
    /// Checks this trigger's settings; the builder calls it and reports problems under
    /// <paramref name="path"/> (for example <c>Triggers[2]</c>).
    /// </summary>
    public virtual void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ChatBotConfigurationException($"{path}.Name", "must not be empty");
        }

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
