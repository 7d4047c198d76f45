using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>What a trigger sees when it decides whether an event matches.</summary>
public readonly struct TriggerContext
{
    /// <summary>Creates a context.</summary>
    public TriggerContext(ChatEvent chatEvent, BotIdentity bot, int messagesSinceBotSpoke, DateTimeOffset now)
    {
        Event = chatEvent;
        Bot = bot;
        MessagesSinceBotSpoke = messagesSinceBotSpoke;
        Now = now;
    }

    /// <summary>The event being decided on.</summary>
    public ChatEvent Event { get; }

    /// <summary>The bot's name and aliases.</summary>
    public BotIdentity Bot { get; }

    /// <summary>How many viewer messages the channel has seen since the bot last spoke there.</summary>
    public int MessagesSinceBotSpoke { get; }

    /// <summary>The engine's time for this event.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The event as a viewer message, or <see langword="null"/> for other events.</summary>
    public MessageReceived? Message => Event as MessageReceived;
}
