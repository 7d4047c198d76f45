namespace ChatBotKit.Twitch.EventSub;

/// <summary>A subscription type and version, and which condition field names the bot user (if any).</summary>
internal sealed record EventSubType(string Type, string Version, string? BotField = null)
{
    private static readonly EventSubType[] Chat =
    [
        new("channel.chat.message", "1", "user_id"),
        new("channel.chat.notification", "1", "user_id"),
        new("channel.chat.message_delete", "1", "user_id"),
        new("channel.chat.clear_user_messages", "1", "user_id"),
    ];

    private static readonly EventSubType[] Channel =
    [
        new("channel.follow", "2", "moderator_user_id"),
        new("channel.channel_points_custom_reward_redemption.add", "1"),
        new("stream.online", "1"),
        new("stream.offline", "1"),
    ];

    /// <summary>The subscriptions of the EventSub transport: chat and channel events.</summary>
    public static IReadOnlyList<EventSubType> ForChat { get; } = [.. Chat, .. Channel];

    /// <summary>The subscriptions beside IRC: only what IRC does not carry.</summary>
    public static IReadOnlyList<EventSubType> BesideIrc { get; } = Channel;
}
