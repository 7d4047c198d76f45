using Microsoft.Extensions.Logging;

namespace ChatBotKit.Scripting;

internal static partial class ScriptLog
{
    [LoggerMessage(1, LogLevel.Error, "The script's {Kind} hook failed at {Location}")]
    public static partial void HookFailed(ILogger logger, Exception exception, string kind, string location);
}
