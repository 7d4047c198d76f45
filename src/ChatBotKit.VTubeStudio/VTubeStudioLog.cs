using Microsoft.Extensions.Logging;

namespace ChatBotKit.VTubeStudio;

internal static partial class VTubeStudioLog
{
    [LoggerMessage(1901, LogLevel.Information, "VTube Studio at {Endpoint} connected and authenticated; {Subscriptions} event subscription(s) renewed")]
    public static partial void Connected(ILogger logger, Uri endpoint, int subscriptions);

    [LoggerMessage(1902, LogLevel.Warning, "VTube Studio at {Endpoint} disconnected; reconnecting")]
    public static partial void Disconnected(ILogger logger, Uri endpoint);

    [LoggerMessage(1903, LogLevel.Warning, "VTube Studio at {Endpoint} not reached ({Reason}); next try in about {Delay}")]
    public static partial void ConnectFailed(ILogger logger, Uri endpoint, string reason, TimeSpan delay);

    [LoggerMessage(1904, LogLevel.Warning, "VTube Studio frame skipped: {Problem}")]
    public static partial void FrameSkipped(ILogger logger, string problem);

    [LoggerMessage(1905, LogLevel.Debug, "VTube Studio connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(1906, LogLevel.Debug, "VTube Studio closed the connection: {Description}")]
    public static partial void ClosedByServer(ILogger logger, string description);

    [LoggerMessage(1907, LogLevel.Debug, "VTube Studio connection did not close cleanly: {Reason}")]
    public static partial void CloseFailed(ILogger logger, string reason);

    [LoggerMessage(1908, LogLevel.Warning, "VTube Studio no longer accepts the kept token (revoked); asking for a new one and forgetting the old one in {File}")]
    public static partial void TokenRevoked(ILogger logger, string file);

    [LoggerMessage(1909, LogLevel.Warning, "VTube Studio: approve the plugin '{Plugin}' in the popup VTube Studio shows now")]
    public static partial void AskingForApproval(ILogger logger, string plugin);

    [LoggerMessage(1910, LogLevel.Information, "VTube Studio approved the plugin '{Plugin}'; its token is kept in {File}")]
    public static partial void Approved(ILogger logger, string plugin, string file);

    [LoggerMessage(1911, LogLevel.Warning, "VTube Studio already shows an approval popup; asking again in {Wait} (answer the open one)")]
    public static partial void PopupAlreadyOpen(ILogger logger, TimeSpan wait);

    [LoggerMessage(1912, LogLevel.Error, "VTube Studio: the streamer denied the plugin '{Plugin}'; not asking again until the bot restarts (allow it under Settings > Plugins)")]
    public static partial void Denied(ILogger logger, string plugin);

    [LoggerMessage(1913, LogLevel.Warning, "VTube Studio avatar action failed: {Reason}")]
    public static partial void AvatarActionFailed(ILogger logger, string reason);

    [LoggerMessage(1914, LogLevel.Debug, "VTube Studio lip sync skipped a frame: {Reason}")]
    public static partial void LipSyncFrameFailed(ILogger logger, string reason);
}
