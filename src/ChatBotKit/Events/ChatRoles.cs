namespace ChatBotKit.Events;

/// <summary>
/// The roles a chat user holds in a channel. A user may hold several at once. This is a closed
/// flags set rather than an open string struct because triggers and rate limiters test it on
/// every message and the platforms agree on these six.
/// </summary>
[Flags]
public enum ChatRoles
{
    /// <summary>An ordinary viewer.</summary>
    None = 0,

    /// <summary>The channel owner (streamer).</summary>
    Broadcaster = 1,

    /// <summary>A channel moderator.</summary>
    Moderator = 2,

    /// <summary>A VIP on Twitch.</summary>
    Vip = 4,

    /// <summary>A subscriber on Twitch or a member on YouTube.</summary>
    Subscriber = 8,

    /// <summary>A verified bot account. The engine ignores these by default so bots never talk in circles.</summary>
    VerifiedBot = 16,

    /// <summary>A verified account that is not a bot (a YouTube verified channel, a Twitch partner).</summary>
    Verified = 32,
}
