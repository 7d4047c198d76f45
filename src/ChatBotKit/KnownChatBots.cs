namespace ChatBotKit;

/// <summary>
/// The logins of widely used chat bots (moderation, alerts, loyalty points). A bot ignores them by
/// default, so two bots never answer each other in circles; <see cref="ChatBotBuilder.WithKnownBots"/>
/// replaces the list and <see cref="ChatBotBuilder.WithOtherBotsIgnored"/> turns it off.
/// </summary>
public static class KnownChatBots
{
    /// <summary>The default list, lower case.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "nightbot", "streamelements", "streamlabs", "moobot", "fossabot", "wizebot", "sery_bot",
        "soundalerts", "botrixoficial", "kofistreambot", "streamstickers", "blerp", "own3d",
        "pokemoncommunitygame", "commanderroot", "creatisbot", "frostytoolsdotcom", "lolrankbot",
        "deepbot", "phantombot", "coebot", "ankhbot", "vivbot", "songlistbot",
    ];
}
