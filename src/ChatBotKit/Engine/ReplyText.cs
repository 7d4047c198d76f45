namespace ChatBotKit.Engine;

/// <summary>What the respond stage wrote: the text and whether the LLM wrote it, or why there is none (or why it is the fallback).</summary>
internal readonly record struct ReplyText(string? Text, bool FromModel, DecisionOutcome? Failure = null, string? Reason = null);
