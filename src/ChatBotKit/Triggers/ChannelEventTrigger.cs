using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>
/// Answers what happens in the channel besides chat: follows, subscriptions, raids, cheers, Super
/// Chats, redeemed rewards, by their <see cref="ChatEvent.Kind"/> (<c>follow</c>,
/// <c>subscription</c>, <c>raid</c>, <c>cheer</c>, <c>super-chat</c>, <c>reward-redeemed</c>),
/// optionally only <see cref="When"/> a condition holds (a raid of at least 10 viewers). Its replies
/// have <see cref="ReplyPriority.Event"/>: a reply to chat waits until the thanks were spoken.
/// </summary>
public sealed class ChannelEventTrigger : ChatTrigger
{
    /// <summary>The instruction used unless another is given.</summary>
    public const string DefaultInstruction = "Thank them warmly and personally, in one or two sentences.";

    /// <summary>Creates the trigger for events of the given kinds.</summary>
    public ChannelEventTrigger(params IEnumerable<string> kinds)
    {
        Kinds = [.. kinds];
        Instruction = DefaultInstruction;
        Priority = ReplyPriority.Event;
    }

    /// <summary>The event kinds answered.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>A further condition on the event (cheap, no I/O); <see langword="null"/> answers every event of the kinds.</summary>
    public Func<ChatEvent, bool>? When { get; init; }

    /// <inheritdoc />
    public override string Kind => "channel-event";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context)
    {
        var chatEvent = context.Event;
        if (chatEvent is MessageReceived or TimerElapsed)
        {
            return false;
        }

        for (var i = 0; i < Kinds.Count; i++)
        {
            if (string.Equals(Kinds[i], chatEvent.Kind, StringComparison.OrdinalIgnoreCase))
            {
                return When?.Invoke(chatEvent) ?? true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (Kinds.Count == 0)
        {
            throw new ChatBotConfigurationException($"{path}.Kinds", "needs at least one event kind (follow, subscription, raid, cheer, …)");
        }

        for (var i = 0; i < Kinds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Kinds[i]))
            {
                throw new ChatBotConfigurationException($"{path}.Kinds[{i}]", "must not be empty");
            }
        }
    }
}
