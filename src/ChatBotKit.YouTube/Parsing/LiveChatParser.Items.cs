using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

internal sealed partial class LiveChatParser
{
    // Actions and renderers that carry nothing a bot reacts to (tickers repeat paid items, banners and panels are UI).
    private static readonly HashSet<string> IgnoredActions =
    [
        "addLiveChatTickerItemAction", "addBannerToLiveChatCommand", "removeBannerForLiveChatCommand", "replaceChatItemAction",
        "updateLiveChatPollAction", "showLiveChatActionPanelAction", "closeLiveChatActionPanelAction", "showLiveChatTooltipCommand",
        "addLiveChatTextMessageFromTemplateAction", "liveChatReportModerationStateCommand", "showLiveChatDialogAction",
    ];

    private static readonly HashSet<string> IgnoredRenderers =
    [
        "liveChatPlaceholderItemRenderer", "liveChatViewerEngagementMessageRenderer", "liveChatModeChangeMessageRenderer",
        "liveChatModerationMessageRenderer", "liveChatAutoModMessageRenderer", "liveChatBannerRenderer",
    ];

    private ChatEvent? ReadItem(string renderer, JsonElement item, string path, PageBuilder page)
    {
        switch (renderer)
        {
            case "liveChatTextMessageRenderer":
                return new MessageReceived { Platform = ChatPlatform.YouTube, Channel = channel, Id = item.Require("id", path), Timestamp = Time(item), User = AuthorReader.Read(item, path), Text = TextRuns.Read(item, "message") ?? throw new SkippedItemException($"missing message at {path}"), RawRepresentation = item.Clone() };
            case "liveChatPaidMessageRenderer":
                return Paid(item, path, TextRuns.Read(item, "message"));
            case "liveChatPaidStickerRenderer":
                return Paid(item, path, item.String("sticker", "accessibility", "accessibilityData", "label"));
            case "liveChatMembershipItemRenderer":
                return Membership(item, path);
            case "liveChatSponsorshipsGiftPurchaseAnnouncementRenderer":
                return GiftPurchase(item, path);
            case "liveChatSponsorshipsGiftRedemptionAnnouncementRenderer":
                return new UserSubscribed { Platform = ChatPlatform.YouTube, Channel = channel, Id = item.Require("id", path), Timestamp = Time(item), User = AuthorReader.Read(item, path), Text = TextRuns.Read(item, "message"), RawRepresentation = item.Clone() };
            case var known when IgnoredRenderers.Contains(known):
                return null;
            default:
                Unknown(renderer, page);
                return null;
        }
    }

    /// <summary>A Super Chat or Super Sticker; the tier colour stays in the raw renderer (<c>headerBackgroundColor</c>, <c>backgroundColor</c>).</summary>
    private SuperChatReceived Paid(JsonElement item, string path, string? text)
    {
        var display = TextRuns.Read(item, "purchaseAmountText") ?? throw new SkippedItemException($"missing purchaseAmountText at {path}");
        var (amount, currency) = PaidAmount.Parse(display);
        return new SuperChatReceived
        {
            Platform = ChatPlatform.YouTube,
            Channel = channel,
            Id = item.Require("id", path),
            Timestamp = Time(item),
            User = AuthorReader.Read(item, path),
            Amount = amount,
            Currency = currency,
            DisplayAmount = display,
            Text = text,
            RawRepresentation = item.Clone(),
        };
    }

    /// <summary>A new member (<c>headerSubtext</c> only) or a milestone (<c>headerPrimaryText</c> "Member for 6 months", the level in <c>headerSubtext</c>, the viewer's words in <c>message</c>).</summary>
    private UserSubscribed Membership(JsonElement item, string path)
    {
        var user = AuthorReader.Read(item, path);
        AuthorReader.Roles(item, out var badgeMonths);
        var milestone = TextRuns.Read(item, "headerPrimaryText");
        return new UserSubscribed
        {
            Platform = ChatPlatform.YouTube,
            Channel = channel,
            Id = item.Require("id", path),
            Timestamp = Time(item),
            User = user with { Roles = user.Roles | ChatRoles.Subscriber },
            Tier = TextRuns.Read(item, "headerSubtext"),
            Months = milestone is null ? badgeMonths : AuthorReader.FirstNumber(milestone),
            Text = TextRuns.Read(item, "message"),
            RawRepresentation = item.Clone(),
        };
    }

    /// <summary>A viewer bought memberships for others: their own event, with themselves as gifter; each recipient follows as a redemption.</summary>
    private UserSubscribed GiftPurchase(JsonElement item, string path)
    {
        if (!item.TryGet(out var header, "header", "liveChatSponsorshipsHeaderRenderer"))
        {
            throw new SkippedItemException($"missing header.liveChatSponsorshipsHeaderRenderer at {path}");
        }

        var id = item.Require("authorExternalChannelId", path);
        var name = TextRuns.Read(header, "authorName") is { Length: > 0 } shown ? shown : id;
        var gifter = new ChatUser(id, name.TrimStart('@').ToLowerInvariant(), name, AuthorReader.Roles(header, out _));
        return new UserSubscribed { Platform = ChatPlatform.YouTube, Channel = channel, Id = item.Require("id", path), Timestamp = Time(item), User = gifter, Gifter = gifter, Text = TextRuns.Read(header, "primaryText"), RawRepresentation = item.Clone() };
    }

    private MessageDeleted Deleted(JsonElement action, string path) => new()
    {
        Platform = ChatPlatform.YouTube,
        Channel = channel,
        MessageId = action.Require("targetItemId", path),
        RawRepresentation = action.Clone(),
    };

    /// <summary>Every message of one author was removed: YouTube does this on a ban or a timeout, and does not say which.</summary>
    private UserBanned AuthorRemoved(JsonElement action, string path)
    {
        var id = action.Require("externalChannelId", path);
        return new UserBanned { Platform = ChatPlatform.YouTube, Channel = channel, User = new ChatUser(id, id, id), RawRepresentation = action.Clone() };
    }

    private static DateTimeOffset Time(JsonElement item) =>
        item.Int64("timestampUsec") is { } usec ? DateTimeOffset.FromUnixTimeMilliseconds(usec / 1000) : default;
}
