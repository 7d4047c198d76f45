using Microsoft.Extensions.AI;

namespace ChatBotKit.Engine;

/// <summary>
/// What the bot would do with one message, found by <see cref="ChatBotEngine.RehearseAsync"/> without
/// posting anything: the trigger that would fire, the prompt, the raw reply, each filter's verdict and
/// the messages that would be sent.
/// </summary>
public sealed record ReplyRehearsal
{
    /// <summary>The trigger that would fire; <see langword="null"/> when none matches.</summary>
    public string? Trigger { get; init; }

    /// <summary>The messages sent to the LLM; empty when a handler answers or no trigger matches.</summary>
    public IReadOnlyList<ChatMessage> Prompt { get; init; } = [];

    /// <summary>The reply as the handler or the model wrote it, before any filter.</summary>
    public string? RawReply { get; init; }

    /// <summary>Each filter that ran, in order, with what it left or why it rejected.</summary>
    public IReadOnlyList<FilterVerdict> Filters { get; init; } = [];

    /// <summary>The messages that would be sent; empty when nothing would be.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Why nothing would be sent (<see cref="DecisionReasons"/> or the failure), or <see langword="null"/>.</summary>
    public string? Problem { get; init; }
}
