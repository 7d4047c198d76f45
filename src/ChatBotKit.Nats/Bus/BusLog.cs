using Microsoft.Extensions.Logging;

namespace ChatBotKit.Nats.Bus;

internal static partial class BusLog
{
    [LoggerMessage(521, LogLevel.Warning, "Bus reply on {Subject} skipped: {Reason}")]
    public static partial void ReplySkipped(ILogger logger, string subject, string reason);

    [LoggerMessage(522, LogLevel.Warning, "Bus event on {Subject} skipped: {Reason}")]
    public static partial void EventSkipped(ILogger logger, string subject, string reason);
}
