using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

internal static partial class RunnerLog
{
    [LoggerMessage(301, LogLevel.Information, "Source {Name} connected")]
    public static partial void Connected(ILogger logger, string name);

    [LoggerMessage(302, LogLevel.Warning, "Source {Name} could not connect ({Reason}); trying again in about {Delay}, the other sources go on")]
    public static partial void StartFailed(ILogger logger, string name, string reason, TimeSpan delay);

    [LoggerMessage(309, LogLevel.Debug, "Source {Name}: the failed connection attempt in full")]
    public static partial void StartFailureDetails(ILogger logger, Exception exception, string name);

    [LoggerMessage(303, LogLevel.Error, "Source {Name} stopped reading after an error")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(304, LogLevel.Information, "Source {Name}: {Joined} channel(s) joined, {Left} left without reconnecting")]
    public static partial void ChannelsChanged(ILogger logger, string name, int joined, int left);

    [LoggerMessage(305, LogLevel.Information, "Source {Name} replaced: its settings changed")]
    public static partial void Replaced(ILogger logger, string name);

    [LoggerMessage(306, LogLevel.Information, "Source {Name} closed: no longer declared")]
    public static partial void Removed(ILogger logger, string name);

    [LoggerMessage(307, LogLevel.Error, "Source {Name} failed while closing")]
    public static partial void CloseFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(308, LogLevel.Error, "Applying the declared sources failed")]
    public static partial void ApplyFailed(ILogger logger, Exception exception);
}
