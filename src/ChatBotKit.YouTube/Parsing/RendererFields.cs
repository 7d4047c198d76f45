using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// The fields of one chat item renderer that events are made of, read in one pass over its JSON;
/// every other field is passed over. A field that is absent or of the wrong kind stays <see langword="null"/>.
/// </summary>
internal sealed class RendererFields
{
    public string? Id { get; private set; }

    public long? TimestampUsec { get; private set; }

    public string? AuthorChannelId { get; private set; }

    public string? AuthorName { get; private set; }

    /// <summary>Roles from <c>authorBadges</c>: the OWNER icon is the broadcaster, MODERATOR a moderator, VERIFIED a verified channel, a custom thumbnail a member.</summary>
    public ChatRoles Roles { get; private set; }

    /// <summary>A member's months, the number in the member badge's tooltip ("Member (6 months)"); 0 for a new member or none.</summary>
    public int MemberMonths { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The tier colour as ARGB: a Super Chat's <c>bodyBackgroundColor</c>, a Super Sticker's <c>backgroundColor</c>.</summary>
    public long? BackgroundColour { get; private set; }

    public string? PurchaseAmount { get; private set; }

    public string? StickerLabel { get; private set; }

    public string? HeaderPrimaryText { get; private set; }

    public string? HeaderSubtext { get; private set; }

    public string? PrimaryText { get; private set; }

    /// <summary>A gift purchase's <c>header.liveChatSponsorshipsHeaderRenderer</c>: the buyer's name, badges and the "Gifted 5 memberships" text.</summary>
    public RendererFields? SponsorshipsHeader { get; private set; }

    /// <summary>Reads the object the reader is on (anything else is passed over and reads as empty), with the message's emoji into <paramref name="emotes"/> when given.</summary>
    public static RendererFields Read(ref Utf8JsonReader reader, FormattedText text, List<YouTubeEmote>? emotes = null)
    {
        var fields = new RendererFields();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return fields;
        }

        while (reader.NextProperty())
        {
            fields.ReadProperty(ref reader, text, emotes);
        }

        return fields;
    }

    /// <summary>The first run of digits in <paramref name="text"/> ("Member (6 months)", "メンバー（6 か月）"), or 0.</summary>
    public static int FirstNumber(string? text)
    {
        var start = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return 0;
        }

        var digits = text.AsSpan(start);
        var end = digits.IndexOfAnyExceptInRange('0', '9');
        return int.TryParse(end < 0 ? digits : digits[..end], out var number) ? number : 0;
    }

    /// <summary>
    /// The months a member badge's tooltip shows: "Member (6 months)" 6, "Member (2 years)" 24
    /// (English, as this client asks for; 年 and 년 count as years too), "New member" 0.
    /// </summary>
    public static int BadgeMonths(string? tooltip)
    {
        var number = FirstNumber(tooltip);
        var years = tooltip is not null && (tooltip.Contains("year", StringComparison.OrdinalIgnoreCase) || tooltip.Contains('年') || tooltip.Contains('년'));
        return years && number <= int.MaxValue / 12 ? number * 12 : number;
    }

    private void ReadProperty(ref Utf8JsonReader reader, FormattedText text, List<YouTubeEmote>? emotes)
    {
        if (reader.ValueTextEquals("id"u8))
        {
            Id = reader.NextString() ?? Id;
        }
        else if (reader.ValueTextEquals("timestampUsec"u8))
        {
            TimestampUsec = reader.NextInt64() ?? TimestampUsec;
        }
        else if (reader.ValueTextEquals("authorExternalChannelId"u8))
        {
            AuthorChannelId = reader.NextString() ?? AuthorChannelId;
        }
        else if (reader.ValueTextEquals("authorName"u8))
        {
            AuthorName = text.Next(ref reader) ?? AuthorName;
        }
        else if (reader.ValueTextEquals("message"u8))
        {
            Message = text.Next(ref reader, emotes) ?? Message;
        }
        else if (reader.ValueTextEquals("authorBadges"u8))
        {
            ReadBadges(ref reader);
        }
        else if (reader.ValueTextEquals("purchaseAmountText"u8))
        {
            PurchaseAmount = text.Next(ref reader) ?? PurchaseAmount;
        }
        else if (reader.ValueTextEquals("sticker"u8))
        {
            StickerLabel = reader.NextStringAt("accessibility.accessibilityData.label"u8) ?? StickerLabel;
        }
        else if (reader.ValueTextEquals("headerPrimaryText"u8))
        {
            HeaderPrimaryText = text.Next(ref reader) ?? HeaderPrimaryText;
        }
        else if (reader.ValueTextEquals("headerSubtext"u8))
        {
            HeaderSubtext = text.Next(ref reader) ?? HeaderSubtext;
        }
        else if (reader.ValueTextEquals("primaryText"u8))
        {
            PrimaryText = text.Next(ref reader) ?? PrimaryText;
        }
        else if (reader.ValueTextEquals("bodyBackgroundColor"u8) || reader.ValueTextEquals("backgroundColor"u8))
        {
            BackgroundColour = reader.NextInt64() ?? BackgroundColour;
        }
        else if (reader.ValueTextEquals("header"u8))
        {
            ReadHeader(ref reader, text);
        }
        else
        {
            reader.Skip();
        }
    }

    private void ReadHeader(ref Utf8JsonReader reader, FormattedText text)
    {
        if (!reader.NextObject())
        {
            return;
        }

        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("liveChatSponsorshipsHeaderRenderer"u8) && reader.NextObject())
            {
                SponsorshipsHeader = Read(ref reader, text);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadBadges(ref Utf8JsonReader reader)
    {
        if (!reader.NextArray())
        {
            return;
        }

        while (reader.NextObjectInArray())
        {
            while (reader.NextProperty())
            {
                if (reader.ValueTextEquals("liveChatAuthorBadgeRenderer"u8) && reader.NextObject())
                {
                    ReadBadge(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private void ReadBadge(ref Utf8JsonReader reader)
    {
        var member = false;
        string? tooltip = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("icon"u8))
            {
                Roles |= reader.NextStringAt("iconType"u8) switch
                {
                    "OWNER" => ChatRoles.Broadcaster,
                    "MODERATOR" => ChatRoles.Moderator,
                    "VERIFIED" => ChatRoles.Verified,
                    _ => ChatRoles.None,
                };
            }
            else if (reader.ValueTextEquals("tooltip"u8))
            {
                tooltip = reader.NextString() ?? tooltip;
            }
            else
            {
                member |= reader.ValueTextEquals("customThumbnail"u8);
                reader.Skip();
            }
        }

        if (member)
        {
            Roles |= ChatRoles.Subscriber;
            MemberMonths = Math.Max(MemberMonths, BadgeMonths(tooltip));
        }
    }
}
