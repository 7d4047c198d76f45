using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Helix;

internal static partial class TwitchAuthLog
{
    [LoggerMessage(740, LogLevel.Information, "Twitch: the token of {Login} is valid (expires {ExpiresAt})")]
    public static partial void Validated(ILogger logger, string login, DateTimeOffset? expiresAt);

    [LoggerMessage(741, LogLevel.Information, "Twitch: the token of {Login} was refreshed")]
    public static partial void Refreshed(ILogger logger, string login);

    [LoggerMessage(742, LogLevel.Error, "Twitch: the source stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string reason);

    [LoggerMessage(743, LogLevel.Warning, "Twitch: validating the token failed; trying again at the next check")]
    public static partial void ValidationFailed(ILogger logger, Exception exception);

    [LoggerMessage(744, LogLevel.Information, "Twitch: got an application access token for sending with the Chat Bot badge (expires {ExpiresAt})")]
    public static partial void AppTokenFetched(ILogger logger, DateTimeOffset expiresAt);
}
