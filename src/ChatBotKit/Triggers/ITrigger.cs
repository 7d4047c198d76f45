namespace ChatBotKit.Triggers;

/// <summary>
/// Decides whether the bot should respond to an event. Triggers are checked in the order they
/// were added; the first one that matches, is off cooldown and wins its probability roll fires.
/// <see cref="Matches"/> runs on the channel's loop for every event, so it must be cheap and
/// must not block or allocate.
/// </summary>
public interface ITrigger
{
    /// <summary>A name unique within the bot, used for cooldowns, logs and transcripts.</summary>
    string Name { get; }

    /// <summary>The kind of trigger (<c>mention</c>, <c>command</c>, …), used in metrics.</summary>
    string Kind { get; }

    /// <summary>How long after firing in a channel this trigger stays quiet there.</summary>
    TimeSpan Cooldown { get; }

    /// <summary>The chance, from 0 to 1, that a match fires.</summary>
    double Probability { get; }

    /// <summary>Answers without the LLM when set; otherwise the LLM writes the reply.</summary>
    ReplyHandler? Handler { get; }

    /// <summary>An extra instruction for the LLM when this trigger fires (trusted text from the bot's author).</summary>
    string? Instruction { get; }

    /// <summary>Whether the event in <paramref name="context"/> matches.</summary>
    bool Matches(in TriggerContext context);
}
