using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI.Switching;

internal static partial class ModeSwitchLog
{
    [LoggerMessage(1, LogLevel.Warning, "LLM mode {Mode} failed ({Kind}); the next mode answers, and {Mode} is tried again after {Rest}")]
    public static partial void ModeFailed(ILogger logger, string mode, string kind, TimeSpan rest);

    [LoggerMessage(2, LogLevel.Information, "LLM mode is now {To} (was {From}): {Reason}")]
    public static partial void ModeChanged(ILogger logger, string to, string from, string reason);
}
