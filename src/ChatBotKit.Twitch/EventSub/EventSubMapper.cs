using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// Turns an EventSub notification into a <see cref="ChatEvent"/>. Every field is read leniently: a
/// missing or mistyped one reads as absent, and a notification without what its event needs maps
/// to nothing. Never throws on any JSON.
/// </summary>
internal static class EventSubMapper
{
    /// <summary>The subscription types and versions this mapper understands.</summary>
    public static bool IsKnown(string? type, string? version) => (type, version) switch
    {
        ("channel.follow", "1" or "2") => true,
        ("channel.chat.message" or "channel.chat.notification" or "channel.chat.message_delete" or "channel.chat.clear_user_messages"
            or "channel.channel_points_custom_reward_redemption.add" or "stream.online" or "stream.offline", "1") => true,
        _ => false,
    };

    /// <summary>The event <paramref name="frame"/> (a notification of a known type) stands for; <see langword="null"/> when it lacks the fields that event needs.</summary>
    public static ChatEvent? Map(EventSubFrame frame)
    {
        var e = frame.Payload.Object("event");
        var channel = e.String("broadcaster_user_login");
        if (string.IsNullOrEmpty(channel))
        {
            return null;
        }

        var at = new EventHeader(channel, frame.Timestamp, frame.Root);
        return frame.SubscriptionType switch
        {
            "channel.chat.message" => EventSubChatMapper.Message(e, at),
            "channel.chat.notification" => EventSubChatMapper.Notification(e, at),
            "channel.chat.message_delete" => EventSubChatMapper.Deleted(e, at),
            "channel.chat.clear_user_messages" => EventSubChatMapper.ClearedUser(e, at),
            "channel.follow" => User(e, "user") is { } follower ? at.Fill(new UserFollowed { User = follower, Platform = ChatPlatform.Twitch, Channel = channel }) : null,
            "channel.channel_points_custom_reward_redemption.add" => Redemption(e, at),
            "stream.online" or "stream.offline" => at.Fill(new StreamStatusChanged { IsLive = frame.SubscriptionType == "stream.online", Platform = ChatPlatform.Twitch, Channel = channel }),
            _ => null,
        };
    }

    /// <summary>The user named by <c>{prefix}_id</c>, <c>_login</c> and <c>_name</c>; <see langword="null"/> without an id and login.</summary>
    public static ChatUser? User(JsonElement e, string prefix, ChatRoles roles = ChatRoles.None)
    {
        var id = e.String(prefix + "_id");
        var login = e.String(prefix + "_login");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(login))
        {
            return null;
        }

        return new ChatUser(id, login, e.String(prefix + "_name") is { Length: > 0 } name ? name : login, roles);
    }

    /// <summary>The roles the <c>badges</c> array gives.</summary>
    public static ChatRoles Roles(JsonElement badges)
    {
        var roles = ChatRoles.None;
        foreach (var badge in badges.Items())
        {
            roles |= BadgeRoles.FromBadgeSet(badge.String("set_id"));
        }

        return roles;
    }

    private static RewardRedeemed? Redemption(JsonElement e, EventHeader at)
    {
        var reward = e.Object("reward");
        if (User(e, "user") is not { } user || reward.String("title") is not { } title)
        {
            return null;
        }

        return at.Fill(new RewardRedeemed
        {
            User = user,
            RewardTitle = title,
            RewardId = reward.String("id"),
            Cost = reward.Int("cost"),
            Text = e.String("user_input") is { Length: > 0 } input ? input : null,
            Id = e.String("id"),
            Platform = ChatPlatform.Twitch,
            Channel = at.Channel,
        });
    }
}
