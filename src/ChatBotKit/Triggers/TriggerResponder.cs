namespace ChatBotKit.Triggers;

/// <summary>
/// What answers when a trigger fires: its <see cref="Handler"/>, or else the LLM following the
/// <see cref="Instruction"/>; with a <see cref="Confirm"/> step, the engine first asks (off the
/// channel's loop) whether to answer at all.
/// </summary>
public sealed record TriggerResponder
{
    /// <summary>The LLM answers, with no extra instruction and no confirmation.</summary>
    public static TriggerResponder LanguageModel { get; } = new();

    /// <summary>Answers without the LLM when set; otherwise the LLM writes the reply.</summary>
    public ReplyHandler? Handler { get; init; }

    /// <summary>An extra instruction for the LLM when the trigger fires (trusted text from the bot's author).</summary>
    public string? Instruction { get; init; }

    /// <summary>
    /// When set, the trigger's match is only a pre-check: this decides, off the channel's loop and
    /// within the LLM timeout, whether the bot replies after all. Until it says yes the reply does
    /// not count against the rate limits, and the trigger's cooldown also spaces out the questions.
    /// </summary>
    public ReplyConfirmation? Confirm { get; init; }

    /// <summary>
    /// Whether the <see cref="Handler"/>'s reply is spoken too when the bot has a speaker, like an LLM
    /// reply, emotion tags included. Default <see langword="false"/>, so command answers stay text.
    /// </summary>
    public bool SpeaksHandlerReply { get; init; }

    /// <summary>Whether answering takes one of the channel's LLM call slots: the LLM writes the reply, or is asked first.</summary>
    public bool UsesLanguageModel => Handler is null || Confirm is not null;
}
