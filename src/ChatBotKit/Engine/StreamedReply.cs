namespace ChatBotKit.Engine;

/// <summary>
/// What became of a streamed reply: how many chat messages went out plus one if it was heard, and
/// the fallback to send instead when the LLM call failed before any phrase of it was complete.
/// </summary>
internal readonly record struct StreamedReply(int Delivered, ReplyText? Fallback);
