using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>The <c>channel.chat.*</c> notifications: chat messages, chat notices, deletions.</summary>
internal static class EventSubChatMapper
{
    public static ChatEvent? Message(JsonElement e, EventHeader at)
    {
        var text = e.Object("message").String("text");
        if (text is null || Chatter(e) is not { } user)
        {
            return null;
        }

        var id = e.String("message_id");
        var bits = e.Object("cheer").Int("bits");
        if (bits > 0)
        {
            return at.Fill(new BitsCheered { User = user, Bits = bits, Text = text, Id = id, Platform = ChatPlatform.Twitch, Channel = at.Channel });
        }

        return at.Fill(new MessageReceived
        {
            User = user,
            Text = text,
            Id = id,
            ReplyToId = e.Object("reply").String("parent_message_id"),
            IsFirstMessage = e.String("message_type") == "user_intro",
            Platform = ChatPlatform.Twitch,
            Channel = at.Channel,
        });
    }

    // Subscriptions and raids as IRC's USERNOTICE gives them; every other notice type as a ChannelNotice.
    public static ChatEvent? Notification(JsonElement e, EventHeader at)
    {
        var type = e.String("notice_type");
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }

        var user = e.Bool("chatter_is_anonymous") == true ? null : Chatter(e);
        var message = e.Object("message").String("text") is { Length: > 0 } said ? said : null;
        switch (type)
        {
            case "sub" or "resub" when user is not null:
                var sub = e.Object(type);
                return at.Fill(new UserSubscribed
                {
                    User = user,
                    Tier = sub.Bool("is_prime") == true ? "Prime" : sub.String("sub_tier"),
                    Months = Math.Max(1, sub.Int("cumulative_months")),
                    Text = message,
                    Id = e.String("message_id"),
                    Platform = ChatPlatform.Twitch,
                    Channel = at.Channel,
                });
            case "sub_gift":
                var gift = e.Object("sub_gift");
                return EventSubMapper.User(gift, "recipient_user") is { } recipient
                    ? at.Fill(new UserSubscribed { User = recipient, Gifter = user, Tier = gift.String("sub_tier"), Months = Math.Max(1, gift.Int("duration_months")), Id = e.String("message_id"), Platform = ChatPlatform.Twitch, Channel = at.Channel })
                    : null;
            case "raid":
                var raid = e.Object("raid");
                return EventSubMapper.User(raid, "user") is { } raider
                    ? at.Fill(new ChannelRaided { Raider = raider, ViewerCount = raid.Int("viewer_count"), Id = e.String("message_id"), Platform = ChatPlatform.Twitch, Channel = at.Channel })
                    : null;
            default:
                return at.Fill(new ChannelNotice { NoticeId = type, Text = e.String("system_message") ?? message, User = user, Id = e.String("message_id"), Platform = ChatPlatform.Twitch, Channel = at.Channel });
        }
    }

    public static ChatEvent? Deleted(JsonElement e, EventHeader at) =>
        e.String("message_id") is { Length: > 0 } id
            ? at.Fill(new MessageDeleted { MessageId = id, User = EventSubMapper.User(e, "target_user"), Platform = ChatPlatform.Twitch, Channel = at.Channel })
            : null;

    public static ChatEvent? ClearedUser(JsonElement e, EventHeader at) =>
        EventSubMapper.User(e, "target_user") is { } target
            ? at.Fill(new ChannelNotice { NoticeId = "clear_user_messages", User = target, Platform = ChatPlatform.Twitch, Channel = at.Channel })
            : null;

    // The chatter, with roles from the badges (the broadcaster also by id).
    private static ChatUser? Chatter(JsonElement e)
    {
        var roles = EventSubMapper.Roles(e.Array("badges"));
        if (e.String("chatter_user_id") is { } id && id == e.String("broadcaster_user_id"))
        {
            roles |= ChatRoles.Broadcaster;
        }

        return EventSubMapper.User(e, "chatter_user", roles);
    }
}
