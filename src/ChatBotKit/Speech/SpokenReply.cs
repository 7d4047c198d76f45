namespace ChatBotKit.Speech;

/// <summary>
/// What the audience heard of a reply: all of it, or, when it was interrupted, the phrases that were
/// played (an interrupted reply's text ends with "…").
/// </summary>
public sealed record SpokenReply(string HeardText, bool Interrupted);
