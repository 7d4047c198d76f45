namespace ChatBotKit.Engine;

/// <summary>
/// What the respond stage wrote: the text and whether the LLM wrote it, or why there is none (or why
/// it is the fallback); or, for an LLM reply, the <see cref="Stream"/> the reply arrives on.
/// </summary>
internal readonly record struct ReplyText(string? Text, bool FromModel, DecisionOutcome? Failure = null, string? Reason = null, LlmReplyStream? Stream = null)
{
    /// <summary>The definition's fallback reply (perhaps none) for an LLM call that failed with <paramref name="failure"/> before any of its reply was complete.</summary>
    public static ReplyText Fallback(ChatBotDefinition definition, Exception failure) => failure is TimeoutException
        ? new(definition.FallbackReply, FromModel: true, DecisionOutcome.LlmTimeout, DecisionReasons.LlmTimeout)
        : new(definition.FallbackReply, FromModel: true, DecisionOutcome.LlmFailed, DecisionReasons.LlmFailed);
}
