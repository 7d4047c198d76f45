using System.Globalization;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.YouTube;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit;

/// <summary>
/// Reads what a YouTube event's renderer carries beyond the event's own fields. These read the
/// renderer kept in <see cref="ChatEvent.RawRepresentation"/> by keyless reading (its UTF-8 JSON, a
/// <see cref="ReadOnlyMemory{T}"/> of bytes) only when asked; events read through the Data API carry none of this.
/// </summary>
public static class YouTubeEventExtensions
{
    /// <summary>
    /// The emoji in the event's message (<see cref="MessageReceived.Text"/>, a Super Chat's or a
    /// milestone's text), each with where its shortcut stands in that text, in code points. None for
    /// other events and for events read through the Data API, which sends emoji as plain text.
    /// </summary>
    public static IReadOnlyList<YouTubeEmote> GetYouTubeEmotes(this ChatEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var emotes = new List<YouTubeEmote>();
        Renderer(evt, emotes);
        return emotes;
    }

    /// <summary>
    /// How long the author has been a member of the channel, in months, as their member badge shows
    /// it: the badge's tier ("Member (6 months)" is 6, "Member (2 years)" 24), 0 for a new member;
    /// <see langword="null"/> when the author shows no member badge or the event did not come from keyless reading.
    /// </summary>
    public static int? GetYouTubeMemberMonths(this ChatEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return Renderer(evt) is { } item && item.Roles.HasFlag(ChatRoles.Subscriber) ? item.MemberMonths : null;
    }

    /// <summary>
    /// The colour of a Super Chat's or Super Sticker's tier as YouTube paints it (<c>#1DE9B6</c>: the
    /// Super Chat's body, the sticker's background); <see langword="null"/> for other events and for
    /// events read through the Data API (whose raw item has the tier as a number, <c>superChatDetails.tier</c>).
    /// </summary>
    public static string? GetYouTubeSuperChatColour(this ChatEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return evt is SuperChatReceived && Renderer(evt) is { BackgroundColour: { } argb } ? "#" + (argb & 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture) : null;
    }

    private static RendererFields? Renderer(ChatEvent evt, List<YouTubeEmote>? emotes = null)
    {
        if (evt.Platform != ChatPlatform.YouTube || evt.RawRepresentation is not ReadOnlyMemory<byte> json)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(json.Span);
            reader.Read();
            return RendererFields.Read(ref reader, new FormattedText(), emotes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
