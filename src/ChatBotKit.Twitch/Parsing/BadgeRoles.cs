using ChatBotKit.Events;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>Turns Twitch's <c>badges</c> tag (<c>moderator/1,subscriber/12</c>) and role tags into <see cref="ChatRoles"/>.</summary>
internal static class BadgeRoles
{
    /// <summary>The roles named by a raw <c>badges</c> value.</summary>
    public static ChatRoles FromBadges(ReadOnlySpan<char> badges)
    {
        var roles = ChatRoles.None;
        while (!badges.IsEmpty)
        {
            var comma = badges.IndexOf(',');
            var badge = comma < 0 ? badges : badges[..comma];
            badges = comma < 0 ? [] : badges[(comma + 1)..];
            var slash = badge.IndexOf('/');
            roles |= FromBadgeSet(slash < 0 ? badge : badge[..slash]);
        }

        return roles;
    }

    /// <summary>The role one badge set (<c>moderator</c>, <c>subscriber</c>, …) stands for.</summary>
    public static ChatRoles FromBadgeSet(ReadOnlySpan<char> setId) => setId switch
    {
        "broadcaster" => ChatRoles.Broadcaster,
        "moderator" or "lead_moderator" => ChatRoles.Moderator,
        "vip" => ChatRoles.Vip,
        "subscriber" or "founder" => ChatRoles.Subscriber,
        "partner" => ChatRoles.Verified,
        "bot-badge" => ChatRoles.VerifiedBot,
        _ => ChatRoles.None,
    };

    internal static ChatRoles From(in TwitchTags tags)
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
