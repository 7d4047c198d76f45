using System.Globalization;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>
/// Turns <c>liveChatMessages.list</c> answers (<c>youtube#liveChatMessageListResponse</c>) into the
/// same events the keyless reader makes. One parser per chat: it remembers recent message ids, so a
/// message on two overlapping pages is delivered once, and the unknown types it has reported.
/// </summary>
internal sealed partial class LiveChatMessageParser(string channel, int recentIdCapacity = 4096)
{
    private readonly RecentIds _recent = new(recentIdCapacity);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);

    /// <summary>Reads one answer body. Never throws for bad input: the problems are in the page.</summary>
    public MessageListPage Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return MessageListPage.Unreadable($"the body is not JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGet(out var items, "items") || items.ValueKind != JsonValueKind.Array)
            {
                return MessageListPage.Unreadable("missing items at $ (not a liveChatMessageListResponse)");
            }

            var events = new List<ChatEvent>();
            var problems = new List<string>();
            var unknown = new List<string>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var path = $"$.items[{index++}]";
                try
                {
                    if (Read(item, path, unknown) is { } chatEvent && _recent.Add($"{chatEvent.Kind}/{chatEvent.Id}"))
                    {
                        events.Add(chatEvent);
                    }
                }
                catch (Exception ex) when (ex is SkippedItemException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
                {
                    problems.Add(ex is SkippedItemException ? ex.Message : $"{ex.Message} at {path}");
                }
            }

            var interval = root.Int64("pollingIntervalMillis") is { } ms and >= 0 and <= int.MaxValue ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
            return new MessageListPage(root.String("nextPageToken"), interval, root.String("offlineAt"), events, problems, unknown);
        }
    }

    private ChatEvent? Read(JsonElement item, string path, List<string> unknown)
    {
        var id = item.Require("id", path);
        if (!item.TryGet(out var snippet, "snippet") || snippet.ValueKind != JsonValueKind.Object)
        {
            throw new SkippedItemException($"missing snippet at {path}");
        }

        var type = snippet.Require("type", $"{path}.snippet");
        return type switch
        {
            "textMessageEvent" => Text(item, snippet, id, path),
            "superChatEvent" => SuperChat(item, snippet, id, path),
            "superStickerEvent" => SuperSticker(item, snippet, id, path),
            "newSponsorEvent" => NewMember(item, snippet, id, path),
            "memberMilestoneChatEvent" => Milestone(item, snippet, id, path),
            "membershipGiftingEvent" => GiftPurchase(item, snippet, id, path),
            "giftMembershipReceivedEvent" => GiftReceived(item, snippet, id, path),
            "messageDeletedEvent" => Deleted(item, snippet, Details(snippet, "messageDeletedDetails", "deletedMessageId", path), id),
            "messageRetractedEvent" => Deleted(item, snippet, Details(snippet, "messageRetractedDetails", "retractedMessageId", path), id),
            "userBannedEvent" => Banned(item, snippet, id, path),
            var known when IgnoredTypes.Contains(known) => null,
            _ => Unknown(type, unknown),
        };
    }

    private ChatEvent? Unknown(string type, List<string> unknown)
    {
        if (_unknown.Count < 256 && _unknown.Add(type))
        {
            unknown.Add(type);
        }

        return null;
    }

    /// <summary>The string at <c>snippet.<paramref name="details"/>.<paramref name="field"/></c>, or a skip naming its path.</summary>
    private static string Details(JsonElement snippet, string details, string field, string path) =>
        snippet.String(details, field) is { Length: > 0 } value ? value : throw new SkippedItemException($"missing {field} at {path}.snippet.{details}");

    private static DateTimeOffset Published(JsonElement snippet) =>
        DateTimeOffset.TryParse(snippet.String("publishedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : default;

    /// <summary>
    /// The author from <c>authorDetails</c>, with the same id, login and display name the keyless
    /// reader gives; roles from <c>isChatOwner</c>, <c>isChatModerator</c>, <c>isChatSponsor</c> (member) and <c>isVerified</c>.
    /// </summary>
    private static ChatUser Author(JsonElement item, string path)
    {
        if (!item.TryGet(out var author, "authorDetails"))
        {
            var fallback = item.String("snippet", "authorChannelId") ?? throw new SkippedItemException($"missing authorDetails at {path}");
            return new ChatUser(fallback, fallback.ToLowerInvariant(), fallback);
        }

        var id = author.Require("channelId", $"{path}.authorDetails");
        var name = author.String("displayName") is { Length: > 0 } shown ? shown : id;
        var roles = (Flag(author, "isChatOwner") ? ChatRoles.Broadcaster : ChatRoles.None)
            | (Flag(author, "isChatModerator") ? ChatRoles.Moderator : ChatRoles.None)
            | (Flag(author, "isChatSponsor") ? ChatRoles.Subscriber : ChatRoles.None)
            | (Flag(author, "isVerified") ? ChatRoles.Verified : ChatRoles.None);
        return new ChatUser(id, name.TrimStart('@').ToLowerInvariant(), name, roles);
    }

    private static bool Flag(JsonElement element, string name) => element.TryGet(out var value, name) && value.ValueKind == JsonValueKind.True;
}
