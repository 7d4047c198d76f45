namespace ChatBotKit.Twitch;

/// <summary>How a Twitch source reads and sends chat.</summary>
public enum TwitchTransport
{
    /// <summary>IRC for reading and sending (the default); add <see cref="TwitchOptions.EventSubBesideIrc"/> for follows, redemptions and stream status.</summary>
    Irc,

    /// <summary>EventSub over WebSocket for reading, Helix "Send Chat Message" for sending.</summary>
    EventSub,
}
