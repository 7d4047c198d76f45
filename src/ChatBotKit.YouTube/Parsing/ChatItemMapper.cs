using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// Makes events of the renderers and removal actions a <c>get_live_chat</c> page carries. An item
/// without a field it cannot do without gives no event and the name of the first missing field.
/// Every event keeps its renderer's (or action's) UTF-8 JSON as <see cref="ChatEvent.RawRepresentation"/>,
/// a <see cref="ReadOnlyMemory{T}"/> of bytes copied out of the page.
/// </summary>
internal sealed class ChatItemMapper(string channel)
{
    public const string TextMessage = "liveChatTextMessageRenderer";
    public const string PaidMessage = "liveChatPaidMessageRenderer";
    public const string PaidSticker = "liveChatPaidStickerRenderer";
    public const string Membership = "liveChatMembershipItemRenderer";
    public const string GiftPurchase = "liveChatSponsorshipsGiftPurchaseAnnouncementRenderer";
    public const string GiftRedemption = "liveChatSponsorshipsGiftRedemptionAnnouncementRenderer";

    /// <summary>The event of a mapped <paramref name="renderer"/>, or <see langword="null"/> with the missing field in <paramref name="missing"/>.</summary>
    public ChatEvent? Item(string renderer, RendererFields item, ReadOnlyMemory<byte> raw, out string? missing)
    {
        missing = FirstMissing(renderer, item);
        if (missing is not null)
        {
            return null;
        }

        return renderer switch
        {
            TextMessage => new MessageReceived { Platform = ChatPlatform.YouTube, Channel = channel, Id = item.Id, Timestamp = Time(item), User = Author(item), Text = item.Message!, RawRepresentation = Copy(raw) },
            PaidMessage => Paid(item, item.Message, raw),
            PaidSticker => Paid(item, item.StickerLabel, raw),
            Membership => new UserSubscribed
            {
                Platform = ChatPlatform.YouTube,
                Channel = channel,
                Id = item.Id,
                Timestamp = Time(item),
                User = Author(item) with { Roles = item.Roles | ChatRoles.Subscriber },
                Tier = item.HeaderSubtext,

                // A milestone says "Member for 6 months" in headerPrimaryText; a new member has none.
                Months = item.HeaderPrimaryText is { } milestone ? RendererFields.FirstNumber(milestone) : item.MemberMonths,
                Text = item.Message,
                RawRepresentation = Copy(raw),
            },
            GiftPurchase => Gifted(item, raw),
            _ => new UserSubscribed { Platform = ChatPlatform.YouTube, Channel = channel, Id = item.Id, Timestamp = Time(item), User = Author(item), Text = item.Message, RawRepresentation = Copy(raw) },
        };
    }

    /// <summary>A deleted or retracted message (<c>targetItemId</c>).</summary>
    public MessageDeleted Deleted(string targetItemId, ReadOnlyMemory<byte> raw) =>
        new() { Platform = ChatPlatform.YouTube, Channel = channel, MessageId = targetItemId, RawRepresentation = Copy(raw) };

    /// <summary>Every message of one author was removed: YouTube does this on a ban or a timeout, and does not say which.</summary>
    public UserBanned AuthorRemoved(string channelId, ReadOnlyMemory<byte> raw) =>
        new() { Platform = ChatPlatform.YouTube, Channel = channel, User = new ChatUser(channelId, channelId, channelId), RawRepresentation = Copy(raw) };

    // In the order the fields are needed, so that the problem names the same field whichever is read first.
    private static string? FirstMissing(string renderer, RendererFields item) => renderer switch
    {
        TextMessage when item.Id is not { Length: > 0 } => "id",
        TextMessage when item.AuthorChannelId is not { Length: > 0 } => "authorExternalChannelId",
        TextMessage when item.Message is null => "message",
        PaidMessage or PaidSticker when item.PurchaseAmount is null => "purchaseAmountText",
        GiftPurchase when item.SponsorshipsHeader is null => "header.liveChatSponsorshipsHeaderRenderer",
        Membership or GiftPurchase when item.AuthorChannelId is not { Length: > 0 } => "authorExternalChannelId",
        _ when item.Id is not { Length: > 0 } => "id",
        _ when item.AuthorChannelId is not { Length: > 0 } => "authorExternalChannelId",
        _ => null,
    };

    /// <summary>A Super Chat or Super Sticker; the tier colour stays in the raw renderer (<c>headerBackgroundColor</c>, <c>backgroundColor</c>).</summary>
    private SuperChatReceived Paid(RendererFields item, string? text, ReadOnlyMemory<byte> raw)
    {
        var (amount, currency) = PaidAmount.Parse(item.PurchaseAmount!);
        return new SuperChatReceived
        {
            Platform = ChatPlatform.YouTube,
            Channel = channel,
            Id = item.Id,
            Timestamp = Time(item),
            User = Author(item),
            Amount = amount,
            Currency = currency,
            DisplayAmount = item.PurchaseAmount,
            Text = text,
            RawRepresentation = Copy(raw),
        };
    }

    /// <summary>A viewer bought memberships for others: their own event, with themselves as gifter; each recipient follows as a redemption.</summary>
    private UserSubscribed Gifted(RendererFields item, ReadOnlyMemory<byte> raw)
    {
        var header = item.SponsorshipsHeader!;
        var gifter = User(item.AuthorChannelId!, header.AuthorName, header.Roles);
        return new UserSubscribed { Platform = ChatPlatform.YouTube, Channel = channel, Id = item.Id, Timestamp = Time(item), User = gifter, Gifter = gifter, Text = header.PrimaryText, RawRepresentation = Copy(raw) };
    }

    /// <summary>The author: the channel id as id, the name without its <c>@</c> in lower case as login, the name as shown as display name.</summary>
    private static ChatUser Author(RendererFields item) => User(item.AuthorChannelId!, item.AuthorName, item.Roles);

    private static ChatUser User(string id, string? name, ChatRoles roles)
    {
        var shown = name is { Length: > 0 } ? name : id;
        return new ChatUser(id, shown.TrimStart('@').ToLowerInvariant(), shown, roles);
    }

    // Microseconds since 1970; a value outside what a date can hold reads as no time.
    private static DateTimeOffset Time(RendererFields item) =>
        item.TimestampUsec is { } usec && usec / 1000 is var ms && ms >= 0 && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : default;

    private static ReadOnlyMemory<byte> Copy(ReadOnlyMemory<byte> raw) => raw.ToArray();
}
