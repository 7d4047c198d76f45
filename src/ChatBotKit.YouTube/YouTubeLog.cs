using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube;

internal static partial class YouTubeLog
{
    [LoggerMessage(801, LogLevel.Information, "YouTube chat of {Target} is read without an API key: read-only, the bot's replies are not posted")]
    public static partial void KeylessReadOnly(ILogger logger, string target);

    [LoggerMessage(802, LogLevel.Information, "YouTube chat of video {VideoId} found; reading {View}")]
    public static partial void ChatFound(ILogger logger, string videoId, string view);

    [LoggerMessage(803, LogLevel.Information, "YouTube stream {VideoId} is over: no continuation came back, reading stops")]
    public static partial void StreamEnded(ILogger logger, string videoId);

    [LoggerMessage(804, LogLevel.Warning, "YouTube poll of {VideoId} refused ({Reason}); next try in {Delay}")]
    public static partial void PollRefused(ILogger logger, string videoId, string reason, TimeSpan delay);

    [LoggerMessage(805, LogLevel.Warning, "YouTube chat item skipped: {Problem}")]
    public static partial void ItemSkipped(ILogger logger, string problem);

    [LoggerMessage(806, LogLevel.Information, "YouTube sent a renderer ChatBotKit does not know, {Renderer}; it is skipped (logged once)")]
    public static partial void UnknownRenderer(ILogger logger, string renderer);

    [LoggerMessage(807, LogLevel.Debug, "YouTube reply not posted, keyless reading is read-only")]
    public static partial void SendDropped(ILogger logger);
}
