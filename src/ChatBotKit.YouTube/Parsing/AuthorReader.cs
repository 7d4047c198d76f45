using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>Reads the author of a chat item and their roles from the item's badges.</summary>
internal static class AuthorReader
{
    /// <summary>
    /// The author: the channel id (<c>authorExternalChannelId</c>) as id, the name without its
    /// <c>@</c> in lower case as login, the name as shown as display name.
    /// </summary>
    public static ChatUser Read(JsonElement item, string path)
    {
        var id = item.Require("authorExternalChannelId", path);
        var name = TextRuns.Read(item, "authorName") is { Length: > 0 } shown ? shown : id;
        return new ChatUser(id, name.TrimStart('@').ToLowerInvariant(), name, Roles(item, out _));
    }

    /// <summary>
    /// Roles from <c>authorBadges</c>: the OWNER icon is the broadcaster, MODERATOR a moderator,
    /// VERIFIED a verified channel, and a custom thumbnail a member, whose tenure in months is the
    /// number in the badge's tooltip when it has one (0 for a new member).
    /// </summary>
    public static ChatRoles Roles(JsonElement item, out int memberMonths)
    {
        var roles = ChatRoles.None;
        memberMonths = 0;
        foreach (var badge in item.Items("authorBadges"))
        {
            if (!badge.TryGet(out var renderer, "liveChatAuthorBadgeRenderer"))
            {
                continue;
            }

            roles |= renderer.String("icon", "iconType") switch
            {
                "OWNER" => ChatRoles.Broadcaster,
                "MODERATOR" => ChatRoles.Moderator,
                "VERIFIED" => ChatRoles.Verified,
                _ => ChatRoles.None,
            };
            if (renderer.TryGet(out _, "customThumbnail"))
            {
                roles |= ChatRoles.Subscriber;
                memberMonths = Math.Max(memberMonths, FirstNumber(renderer.String("tooltip")));
            }
        }

        return roles;
    }

    /// <summary>The first run of digits in <paramref name="text"/> ("Member (6 months)", "メンバー（6 か月）"), or 0.</summary>
    public static int FirstNumber(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var start = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return 0;
        }

        var digits = text.AsSpan(start);
        var end = digits.IndexOfAnyExceptInRange('0', '9');
        return int.TryParse(end < 0 ? digits : digits[..end], out var number) ? number : 0;
    }
}
