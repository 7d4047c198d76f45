namespace ChatBotKit.Twitch;

/// <summary>Twitch's chat limits for one account. The defaults are Twitch's published numbers.</summary>
public sealed record TwitchSendLimits
{
    /// <summary>Messages per <see cref="Window"/> for an ordinary account. Default 20.</summary>
    public int MessagesPerWindow { get; init; } = 20;

    /// <summary>Messages per <see cref="Window"/> in channels where the bot is moderator, VIP or broadcaster. Default 100.</summary>
    public int ElevatedMessagesPerWindow { get; init; } = 100;

    /// <summary>The window the message limits count over. Default 30 s.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The least time between two messages to one channel where the bot has no elevated role. Default 1 s.</summary>
    public TimeSpan ChannelGap { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest message in UTF-16 units; longer text is cut. Default 500.</summary>
    public int MaxMessageLength { get; init; } = 500;

    /// <summary>Twitch rejects the same text to a channel again within this time. Default 30 s.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a repeated text is varied (an invisible suffix) or skipped. Default varied.</summary>
    public bool VaryDuplicates { get; init; } = true;

    /// <summary>JOINs per <see cref="JoinWindow"/>. Default 20.</summary>
    public int JoinsPerWindow { get; init; } = 20;

    /// <summary>The window JOINs count over. Default 10 s.</summary>
    public TimeSpan JoinWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many messages may wait to be sent; past it the oldest is dropped (counted and logged). Default 1,000.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>How long a channel is paused after Twitch answers <c>msg_ratelimit</c>. Default 30 s.</summary>
    public TimeSpan RateLimitPause { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (MessagesPerWindow < 1 || ElevatedMessagesPerWindow < MessagesPerWindow || JoinsPerWindow < 1 || QueueCapacity < 1 || MaxMessageLength < 1)
        {
            throw new ArgumentException("TwitchOptions.Send: MessagesPerWindow, JoinsPerWindow, QueueCapacity and MaxMessageLength must be positive, ElevatedMessagesPerWindow at least MessagesPerWindow.");
        }

        if (Window <= TimeSpan.Zero || JoinWindow <= TimeSpan.Zero || ChannelGap < TimeSpan.Zero || DuplicateWindow < TimeSpan.Zero || RateLimitPause < TimeSpan.Zero)
        {
            throw new ArgumentException("TwitchOptions.Send: Window and JoinWindow must be positive; ChannelGap, DuplicateWindow and RateLimitPause not negative.");
        }
    }
}
