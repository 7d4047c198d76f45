using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube;

internal static partial class YouTubeLog
{
    /// <summary>Logs each item a page skipped and each name it could not map.</summary>
    public static void Skipped(ILogger logger, IEnumerable<string> problems, IEnumerable<string> unknownNames)
    {
        foreach (var problem in problems)
        {
            ItemSkipped(logger, problem);
        }

        foreach (var name in unknownNames)
        {
            UnknownRenderer(logger, name);
        }
    }

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

    [LoggerMessage(806, LogLevel.Information, "YouTube sent a renderer or message type ChatBotKit does not know, {Renderer}; it is skipped (logged once)")]
    public static partial void UnknownRenderer(ILogger logger, string renderer);

    [LoggerMessage(807, LogLevel.Debug, "YouTube reply not posted, keyless reading is read-only")]
    public static partial void SendDropped(ILogger logger);

    [LoggerMessage(808, LogLevel.Debug, "YouTube Data API {Method} spent {Cost} units; {Spent} of the day's {Budget} spent")]
    public static partial void QuotaSpent(ILogger logger, string method, int cost, long spent, int budget);

    [LoggerMessage(809, LogLevel.Warning, "YouTube Data API: {Spent} of the day's {Budget} units are spent (80 %); polling slows down and stops before the budget is gone")]
    public static partial void QuotaLow(ILogger logger, long spent, int budget);

    [LoggerMessage(810, LogLevel.Error, "YouTube Data API reading of {VideoId} stops: {Reason}")]
    public static partial void ApiReadingStopped(ILogger logger, string videoId, string reason);

    [LoggerMessage(811, LogLevel.Information, "YouTube chat of {Target} is read with a Data API key: read-only (an API key cannot post); set an OAuth access or refresh token to post")]
    public static partial void ApiKeyReadOnly(ILogger logger, string target);

    [LoggerMessage(812, LogLevel.Information, "YouTube chat of {VideoId} is over ({Reason}); reading stops")]
    public static partial void ApiChatEnded(ILogger logger, string videoId, string reason);

    [LoggerMessage(813, LogLevel.Warning, "YouTube reply not posted: {Reason}")]
    public static partial void NotSent(ILogger logger, string reason);

    [LoggerMessage(814, LogLevel.Debug, "YouTube reply posted to live chat {LiveChatId}")]
    public static partial void Sent(ILogger logger, string liveChatId);

    [LoggerMessage(815, LogLevel.Information, "YouTube chat of {VideoId}: skipped {Count} item(s) sent before the bot opened the chat (its recent history), so they are not answered again")]
    public static partial void HistorySkipped(ILogger logger, string videoId, int count);
}
