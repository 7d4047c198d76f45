using Microsoft.Extensions.Logging;

namespace ChatBotKit.CyTube;

internal static partial class CyTubeLog
{
    [LoggerMessage(601, LogLevel.Information, "CyTube channel {Channel} joined on {Subject}")]
    public static partial void Joined(ILogger logger, string channel, string subject);

    [LoggerMessage(602, LogLevel.Information, "CyTube channel {Channel} left")]
    public static partial void Left(ILogger logger, string channel);

    [LoggerMessage(603, LogLevel.Warning, "CyTube event on {Subject} skipped: {Reason}")]
    public static partial void EventSkipped(ILogger logger, string subject, string reason);

    [LoggerMessage(604, LogLevel.Trace, "CyTube {Event} in {Channel} ignored (correlation {CorrelationId})")]
    public static partial void EventIgnored(ILogger logger, string @event, string channel, string? correlationId);

    [LoggerMessage(605, LogLevel.Warning, "CyTube {Command} to {Channel} failed (correlation {CorrelationId}): {Error}")]
    public static partial void SendFailed(ILogger logger, string command, string channel, string correlationId, string error);

    [LoggerMessage(606, LogLevel.Debug, "CyTube {Command} to {Channel} sent (correlation {CorrelationId})")]
    public static partial void Sent(ILogger logger, string command, string channel, string correlationId);

    [LoggerMessage(607, LogLevel.Warning, "CyTube events are not read fast enough; {Dropped} dropped so far")]
    public static partial void EventsDropped(ILogger logger, long dropped);
}
