using ChatBotKit.Events;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Sources;

internal static partial class SourceLog
{
    [LoggerMessage(101, LogLevel.Debug, "{Platform} source: {Previous} -> {Current}")]
    public static partial void StateChanged(ILogger logger, ChatPlatform platform, ConnectionState previous, ConnectionState current);

    [LoggerMessage(102, LogLevel.Error, "A StateChanged handler of the {Platform} source threw; ignored")]
    public static partial void StateHandlerFailed(ILogger logger, Exception exception, ChatPlatform platform);

    [LoggerMessage(103, LogLevel.Warning, "{Input}({Line}): line skipped: {Reason}")]
    public static partial void LineSkipped(ILogger logger, string input, long line, string reason);

    [LoggerMessage(104, LogLevel.Trace, "{Input}({Line}): skipped line starts with: {Content}")]
    public static partial void SkippedLineContent(ILogger logger, string input, long line, string content);

    [LoggerMessage(105, LogLevel.Warning, "{Input}({Line}): timestamp is {Behind} earlier than a line before it; replayed without moving the clock")]
    public static partial void TimestampWentBack(ILogger logger, string input, long line, TimeSpan behind);

    [LoggerMessage(106, LogLevel.Information, "{Input}: end of input after {Lines} lines ({Skipped} skipped, {OutOfOrder} out of order)")]
    public static partial void ReplayFinished(ILogger logger, string input, long lines, long skipped, long outOfOrder);

    [LoggerMessage(107, LogLevel.Debug, "Console input ended after {Lines} lines")]
    public static partial void ConsoleInputEnded(ILogger logger, long lines);
}
