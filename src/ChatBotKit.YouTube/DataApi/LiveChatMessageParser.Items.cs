using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.DataApi;

internal sealed partial class LiveChatMessageParser
{
    // Types that carry nothing a bot reacts to, or that YouTube sends silently (chatEndedEvent, tombstone).
    private static readonly HashSet<string> IgnoredTypes =
    [
        "chatEndedEvent", "tombstone", "sponsorOnlyModeStartedEvent", "sponsorOnlyModeEndedEvent", "pollEvent", "giftEvent", "fanFundingEvent",
    ];

    private MessageReceived Text(JsonElement item, JsonElement snippet, string id, string path) => new()
    {
        Platform = ChatPlatform.YouTube,
        Channel = channel,
        Id = id,
        Timestamp = Published(snippet),
        User = Author(item, path),
        Text = snippet.String("textMessageDetails", "messageText") ?? snippet.String("displayMessage") ?? throw new SkippedItemException($"missing messageText at {path}.snippet.textMessageDetails"),
        RawRepresentation = item.Clone(),
    };

    /// <summary>A Super Chat: <c>amountMicros</c> in millionths of <c>currency</c>; the tier stays in the raw item.</summary>
    private SuperChatReceived SuperChat(JsonElement item, JsonElement snippet, string id, string path) =>
        Paid(item, snippet, id, path, "superChatDetails", snippet.String("superChatDetails", "userComment"));

    private SuperChatReceived SuperSticker(JsonElement item, JsonElement snippet, string id, string path) =>
        Paid(item, snippet, id, path, "superStickerDetails", snippet.String("superStickerDetails", "superStickerMetadata", "altText"));

    private SuperChatReceived Paid(JsonElement item, JsonElement snippet, string id, string path, string details, string? text)
    {
        var micros = snippet.Int64(details, "amountMicros") ?? throw new SkippedItemException($"missing amountMicros at {path}.snippet.{details}");
        return new SuperChatReceived
        {
            Platform = ChatPlatform.YouTube,
            Channel = channel,
            Id = id,
            Timestamp = Published(snippet),
            User = Author(item, path),
            Amount = micros / 1_000_000m,
            Currency = snippet.String(details, "currency"),
            DisplayAmount = snippet.String(details, "amountDisplayString"),
            Text = text,
            RawRepresentation = item.Clone(),
        };
    }

    private UserSubscribed NewMember(JsonElement item, JsonElement snippet, string id, string path) =>
        Membership(item, snippet, id, path) with { Tier = snippet.String("newSponsorDetails", "memberLevelName") };

    private UserSubscribed Milestone(JsonElement item, JsonElement snippet, string id, string path) =>
        Membership(item, snippet, id, path) with
        {
            Tier = snippet.String("memberMilestoneChatDetails", "memberLevelName"),
            Months = (int)Math.Clamp(snippet.Int64("memberMilestoneChatDetails", "memberMonth") ?? 0, 0, int.MaxValue),
            Text = snippet.String("memberMilestoneChatDetails", "userComment"),
        };

    /// <summary>A viewer bought memberships for others: their own event with themselves as gifter, as the keyless reader gives it.</summary>
    private UserSubscribed GiftPurchase(JsonElement item, JsonElement snippet, string id, string path)
    {
        var gifter = Author(item, path);
        return new UserSubscribed
        {
            Platform = ChatPlatform.YouTube,
            Channel = channel,
            Id = id,
            Timestamp = Published(snippet),
            User = gifter,
            Gifter = gifter,
            Tier = snippet.String("membershipGiftingDetails", "giftMembershipsLevelName"),
            Text = snippet.String("displayMessage"),
            RawRepresentation = item.Clone(),
        };
    }

    private UserSubscribed GiftReceived(JsonElement item, JsonElement snippet, string id, string path)
    {
        var gifter = snippet.String("giftMembershipReceivedDetails", "gifterChannelId");
        return Membership(item, snippet, id, path) with
        {
            Tier = snippet.String("giftMembershipReceivedDetails", "memberLevelName"),
            Gifter = gifter is null ? null : new ChatUser(gifter, gifter.ToLowerInvariant(), gifter),
        };
    }

    private UserSubscribed Membership(JsonElement item, JsonElement snippet, string id, string path)
    {
        var user = Author(item, path);
        return new UserSubscribed
        {
            Platform = ChatPlatform.YouTube,
            Channel = channel,
            Id = id,
            Timestamp = Published(snippet),
            User = user with { Roles = user.Roles | ChatRoles.Subscriber },
            Text = snippet.String("displayMessage"),
            RawRepresentation = item.Clone(),
        };
    }

    private MessageDeleted Deleted(JsonElement item, JsonElement snippet, string deletedId, string id) => new()
    {
        Platform = ChatPlatform.YouTube,
        Channel = channel,
        Id = id,
        Timestamp = Published(snippet),
        MessageId = deletedId,
        RawRepresentation = item.Clone(),
    };

    /// <summary>A ban (<c>banType</c> permanent) or a timeout (temporary, <c>banDurationSeconds</c> long) of <c>bannedUserDetails</c>.</summary>
    private ChatEvent Banned(JsonElement item, JsonElement snippet, string id, string path)
    {
        var at = $"{path}.snippet.userBannedDetails";
        if (!snippet.TryGet(out var details, "userBannedDetails"))
        {
            throw new SkippedItemException($"missing userBannedDetails at {path}.snippet");
        }

        var userId = details.String("bannedUserDetails", "channelId") ?? throw new SkippedItemException($"missing channelId at {at}.bannedUserDetails");
        var name = details.String("bannedUserDetails", "displayName") is { Length: > 0 } shown ? shown : userId;
        var user = new ChatUser(userId, name.TrimStart('@').ToLowerInvariant(), name);
        if (details.String("banType") == "temporary")
        {
            var seconds = Math.Clamp(details.Int64("banDurationSeconds") ?? 0, 0, (long)TimeSpan.MaxValue.TotalSeconds - 1);
            return new UserTimedOut { Platform = ChatPlatform.YouTube, Channel = channel, Id = id, Timestamp = Published(snippet), User = user, Duration = TimeSpan.FromSeconds(seconds), RawRepresentation = item.Clone() };
        }

        return new UserBanned { Platform = ChatPlatform.YouTube, Channel = channel, Id = id, Timestamp = Published(snippet), User = user, RawRepresentation = item.Clone() };
    }
}
