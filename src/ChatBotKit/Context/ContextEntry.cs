namespace ChatBotKit.Context;

/// <summary>One line of a channel's recent conversation.</summary>
/// <param name="MessageId">The platform's message id, when it has one.</param>
/// <param name="UserId">The author's user id (the bot's name for the bot's own lines).</param>
/// <param name="UserName">The author's display name.</param>
/// <param name="Text">What was said.</param>
/// <param name="Timestamp">When it was said.</param>
/// <param name="FromBot">Whether the bot said it.</param>
public readonly record struct ContextEntry(
    string? MessageId,
    string UserId,
    string UserName,
    string Text,
    DateTimeOffset Timestamp,
    bool FromBot);
