namespace ChatBotKit.Twitch.Helix;

/// <summary>Twitch refused the token and it could not be refreshed: the source stops instead of retrying.</summary>
internal sealed class TwitchTokenRejectedException(string detail)
    : ChatBotKitException($"Twitch rejected the access token ({detail}). It was revoked, expired without a refresh token, or belongs to another application. " +
        "Run 'streambot auth twitch' or put a new user token in TWITCH_OAUTH_TOKEN (with TWITCH_REFRESH_TOKEN and TWITCH_CLIENT_ID to let the bot refresh it), then restart the bot.");
