using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>
/// Decides whether the bot should respond to an event, in three parts: what it matches
/// (<see cref="Matches"/>), when a match may fire (<see cref="Policy"/>) and what answers
/// (<see cref="Responder"/>). Triggers are checked in the order they were added; the first one
/// that matches, is off cooldown and wins its probability roll fires. <see cref="Matches"/> runs
/// on the channel's loop for every event, so it must be cheap and must not block or allocate.
/// </summary>
public interface ITrigger
{
    /// <summary>A name unique within the bot, used for cooldowns, timers, logs and transcripts.</summary>
    string Name { get; }

    /// <summary>The kind of trigger (<c>mention</c>, <c>command</c>, …), used in metrics.</summary>
    string Kind { get; }

    /// <summary>
    /// When set, the engine raises a <see cref="Events.TimerElapsed"/> named after this trigger in
    /// each channel at this interval, for <see cref="Matches"/> to answer.
    /// </summary>
    TimeSpan? TimerInterval { get; }

    /// <summary>Cooldown and probability.</summary>
    TriggerPolicy Policy { get; }

    /// <summary>What answers when the trigger fires.</summary>
    TriggerResponder Responder { get; }

    /// <summary>Whether the event in <paramref name="context"/> matches.</summary>
    bool Matches(in TriggerContext context);

    /// <summary>
    /// The instruction the LLM gets when the trigger fires on <paramref name="chatEvent"/>: by default
    /// the responder's <see cref="TriggerResponder.Instruction"/>; a trigger whose instruction depends
    /// on the event (the topic of an idle chat, the milestone reached) says more.
    /// </summary>
    string? InstructionFor(ChatEvent chatEvent) => Responder.Instruction;
}
