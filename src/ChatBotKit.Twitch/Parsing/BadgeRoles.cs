using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>Turns Twitch's <c>badges</c> tag (<c>moderator/1,subscriber/12</c>) and role tags into <see cref="ChatRoles"/>.</summary>
public static class BadgeRoles
{
    /// <summary>The roles named by a raw <c>badges</c> value.</summary>
    public static ChatRoles FromBadges(ReadOnlySpan<char> badges)
    {
        var roles = ChatRoles.None;
        var start = 0;
        var nameEnd = -1;
        for (var i = 0; i <= badges.Length; i++)
        {
            var c = i < badges.Length ? badges[i] : ',';
            if (c == '/' && nameEnd < 0)
            {
                nameEnd = i;
            }
            else if (c == ',')
            {
                roles |= RoleOf(badges[start..(nameEnd < 0 ? i : nameEnd)]);
                start = i + 1;
                nameEnd = -1;
            }
        }

        return roles;
    }

    private static ChatRoles RoleOf(ReadOnlySpan<char> badge) => badge switch
    {
        "broadcaster" => ChatRoles.Broadcaster,
        "moderator" or "lead_moderator" => ChatRoles.Moderator,
        "vip" => ChatRoles.Vip,
        "subscriber" or "founder" => ChatRoles.Subscriber,
        "partner" => ChatRoles.Verified,
        "bot-badge" => ChatRoles.VerifiedBot,
        _ => ChatRoles.None,
    };

    internal static ChatRoles From(in KnownTags tags)
    {
        var roles = FromBadges(tags.Badges);
        if (tags.Mod is "1" || tags.UserType is "mod")
        {
            roles |= ChatRoles.Moderator;
        }

        if (tags.Vip is "1")
        {
            roles |= ChatRoles.Vip;
        }

        if (tags.Subscriber is "1")
        {
            roles |= ChatRoles.Subscriber;
        }

        return roles;
    }
}
