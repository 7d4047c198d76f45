using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>
/// The base of the built-in triggers: a name, and the <see cref="Policy"/> and
/// <see cref="Responder"/> parts with shorthands for their settings, so that
/// <c>new KeywordTrigger("gg") { Cooldown = …, Instruction = … }</c> reads as one thing.
/// </summary>
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
    public virtual TimeSpan? TimerInterval => null;

    /// <inheritdoc />
    public TriggerPolicy Policy { get; init; } = TriggerPolicy.Default;

    /// <inheritdoc />
    public TriggerResponder Responder { get; init; } = TriggerResponder.LanguageModel;

    /// <summary>Sets <see cref="TriggerPolicy.Cooldown"/> of <see cref="Policy"/>.</summary>
    public TimeSpan Cooldown
    {
        get => Policy.Cooldown;
        init => Policy = Policy with { Cooldown = value };
    }

    /// <summary>Sets <see cref="TriggerPolicy.Probability"/> of <see cref="Policy"/>.</summary>
    public double Probability
    {
        get => Policy.Probability;
        init => Policy = Policy with { Probability = value };
    }

    /// <summary>Sets <see cref="TriggerPolicy.Priority"/> of <see cref="Policy"/>.</summary>
    public int Priority
    {
        get => Policy.Priority;
        init => Policy = Policy with { Priority = value };
    }

    /// <summary>Sets <see cref="TriggerResponder.Handler"/> of <see cref="Responder"/>.</summary>
    public ReplyHandler? Handler
    {
        get => Responder.Handler;
        init => Responder = Responder with { Handler = value };
    }

    /// <summary>Sets <see cref="TriggerResponder.Instruction"/> of <see cref="Responder"/>.</summary>
    public string? Instruction
    {
        get => Responder.Instruction;
        init => Responder = Responder with { Instruction = value };
    }

    /// <inheritdoc />
    public abstract bool Matches(in TriggerContext context);

    /// <inheritdoc />
    public virtual string? InstructionFor(ChatEvent chatEvent) => Instruction;

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

        Policy.Validate(path);
    }
}
