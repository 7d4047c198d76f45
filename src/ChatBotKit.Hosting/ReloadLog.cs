using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting;

internal static partial class ReloadLog
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "SIGHUP received: reloading the configuration and the bots.")]
    public static partial void HangupReceived(ILogger logger);

    [LoggerMessage(EventId = 802, Level = LogLevel.Information, Message = "Reloaded the configuration; rebuilt bot(s): {Bots}.")]
    public static partial void Reloaded(ILogger logger, string bots);

    [LoggerMessage(EventId = 803, Level = LogLevel.Error, Message = "The new configuration is not valid; the running bots keep their previous definitions and settings:\n{Problem}")]
    public static partial void Rejected(ILogger logger, string problem);

    [LoggerMessage(EventId = 806, Level = LogLevel.Error, Message = "The reload failed; the bots go on.")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 805, Level = LogLevel.Information, Message = "SIGHUP reloads the configuration and the bots (ChatBotKit:ReloadOnHangup).")]
    public static partial void HangupEnabled(ILogger logger);
}
