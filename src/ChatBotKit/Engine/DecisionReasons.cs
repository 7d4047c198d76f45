namespace ChatBotKit.Engine;

/// <summary>The fixed reasons the engine gives in <see cref="ChatDecision.Reason"/>.</summary>
public static class DecisionReasons
{
    /// <summary>No trigger matched the event.</summary>
    public const string NoMatch = "no trigger matched";

    /// <summary>The matching trigger is cooling down.</summary>
    public const string Cooldown = "cooldown";

    /// <summary>The matching trigger lost its probability roll.</summary>
    public const string Probability = "probability";

    /// <summary>The author is the bot itself.</summary>
    public const string Self = "own message";

    /// <summary>The author is on the ignore list.</summary>
    public const string IgnoredUser = "ignored user";

    /// <summary>The author is another bot.</summary>
    public const string OtherBot = "other bot";

    /// <summary>The author and the bot were answering each other in circles; the author is paused for a while.</summary>
    public const string ReplyLoop = "reply loop";

    /// <summary>Every LLM call slot of the channel stayed busy for as long as the reply could wait.</summary>
    public const string LlmBusy = "llm busy";

    /// <summary>The channel's queue was full.</summary>
    public const string QueueFull = "queue full";

    /// <summary>The bot, the event's platform or its channel is paused (<see cref="ChatBotPauses"/>).</summary>
    public const string Paused = "paused";

    /// <summary>The LLM call timed out.</summary>
    public const string LlmTimeout = "llm timeout";

    /// <summary>The LLM call failed.</summary>
    public const string LlmFailed = "llm failed";

    /// <summary>A reply handler ran past its time.</summary>
    public const string HandlerTimeout = "handler timeout";
}
