namespace ChatBotKit.Engine;

/// <summary>How the engine dealt with one event.</summary>
public enum DecisionOutcome
{
    /// <summary>A trigger fired and the bot sent its reply.</summary>
    Replied,

    /// <summary>The LLM failed or timed out and the bot sent the configured fallback reply.</summary>
    FallbackSent,

    /// <summary>No trigger fired (none matched, or matches were cooling down or lost their probability roll).</summary>
    NoTrigger,

    /// <summary>The event came from the bot itself, an ignored user or another bot.</summary>
    Ignored,

    /// <summary>A trigger fired but a rate limit blocked the reply.</summary>
    RateLimited,

    /// <summary>The channel already had its maximum of LLM calls in flight.</summary>
    LlmBusy,

    /// <summary>A confirming trigger (contextual) decided not to reply.</summary>
    Declined,

    /// <summary>The LLM call timed out and there is no fallback reply.</summary>
    LlmTimeout,

    /// <summary>The LLM call failed and there is no fallback reply.</summary>
    LlmFailed,

    /// <summary>The handler or the LLM produced no text.</summary>
    NoReply,

    /// <summary>A reply handler threw or ran past its time.</summary>
    HandlerFailed,

    /// <summary>A response filter rejected the reply.</summary>
    Filtered,

    /// <summary>The source failed to send the reply.</summary>
    SendFailed,

    /// <summary>The channel's queue was full and the event was dropped unprocessed.</summary>
    Dropped,

    /// <summary>The bot, the event's platform or its channel is paused: the event was read but not answered.</summary>
    Paused,
}
