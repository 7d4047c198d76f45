namespace ChatBotKit.Hosting.Interactions;

/// <summary>One line of the interaction log: the event, the decision, the reply and the engagement it drew.</summary>
internal sealed record InteractionRecord(
    DateTimeOffset Ts,
    string Bot,
    string Platform,
    string Channel,
    string? Trigger,
    string Outcome,
    InteractionEvent Event,
    IReadOnlyList<string> Replies,
    Engagement Engagement);

/// <summary>The viewer's message the bot answered (<see cref="User"/> and <see cref="Text"/> are <see langword="null"/> for a timer).</summary>
internal sealed record InteractionEvent(string Kind, string? Id, string? User, string? Text);

/// <summary>
/// What chat did within the window after the reply: the addressed viewer spoke again, others addressed
/// them, someone named the bot, reactions (messages of only emotes or emoji), a moderator deleted the reply.
/// </summary>
internal sealed record Engagement(bool ViewerAnswered, int OthersAnswered, bool BotMentioned, int Reactions, bool Deleted)
{
    /// <summary>Whether the reply drew any response and was not deleted.</summary>
    public bool Engaged => !Deleted && (ViewerAnswered || OthersAnswered > 0 || BotMentioned || Reactions > 0);
}
