using ChatBotKit.Context;
using ChatBotKit.Events;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Triggers;

/// <summary>Everything a reply handler or a <see cref="TriggerResponder.Confirm"/> step gets to work with.</summary>
public sealed class ReplyContext
{
    /// <summary>The event being answered.</summary>
    public required ChatEvent Event { get; init; }

    /// <summary>The trigger that fired.</summary>
    public required ITrigger Trigger { get; init; }

    /// <summary>The bot's name and aliases.</summary>
    public required BotIdentity Bot { get; init; }

    /// <summary>The channel's recent conversation, oldest first, as it was when the trigger fired.</summary>
    public required IReadOnlyList<ContextEntry> History { get; init; }

    /// <summary>The language model the bot uses.</summary>
    public required IChatClient ChatClient { get; init; }

    /// <summary>The engine's time when the trigger fired.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>A source of randomness (seeded when the engine is, for reproducible replays).</summary>
    public required Random Random { get; init; }

    /// <summary>The event's correlation id.</summary>
    public required CorrelationId CorrelationId { get; init; }

    /// <summary>The event as a viewer message, or <see langword="null"/> for other events.</summary>
    public MessageReceived? Message => Event as MessageReceived;

    /// <summary>The user who caused the event, when there is one.</summary>
    public ChatUser? User => Event.Author;

    /// <summary>The parsed command when a <see cref="CommandTrigger"/> fired, otherwise <see langword="null"/>.</summary>
    public CommandInvocation? Command =>
        Trigger is CommandTrigger command && Message is { } message && command.TryParse(message.Text, out var invocation)
            ? invocation
            : null;
}
