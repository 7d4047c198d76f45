using Microsoft.Extensions.Logging;

namespace ChatBotKit.Nats;

internal static partial class NatsLog
{
    [LoggerMessage(501, LogLevel.Information, "NATS connected to {Server} (server {ServerId}, version {Version})")]
    public static partial void Connected(ILogger logger, string server, string serverId, string version);

    [LoggerMessage(502, LogLevel.Warning, "NATS connection to {Server} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string server, string reason);

    [LoggerMessage(503, LogLevel.Debug, "NATS connect to {Server} failed")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string server);

    [LoggerMessage(504, LogLevel.Information, "NATS reconnect round {Round} failed; next round in {Delay}")]
    public static partial void ReconnectWaiting(ILogger logger, int round, TimeSpan delay);

    [LoggerMessage(505, LogLevel.Warning, "NATS server error: {Message}")]
    public static partial void ServerError(ILogger logger, string message);

    [LoggerMessage(506, LogLevel.Warning, "NATS input skipped: {Reason}")]
    public static partial void ProtocolError(ILogger logger, string reason);

    [LoggerMessage(507, LogLevel.Debug, "NATS learned {Count} servers from INFO")]
    public static partial void LearnedServers(ILogger logger, int count);

    [LoggerMessage(508, LogLevel.Warning, "NATS subscription {Subject} is not read fast enough; {Dropped} messages dropped so far")]
    public static partial void SlowConsumer(ILogger logger, string subject, long dropped);

    [LoggerMessage(509, LogLevel.Error, "NATS gave up reconnecting after {Rounds} rounds; the connection is closed")]
    public static partial void GaveUp(ILogger logger, int rounds);

    [LoggerMessage(510, LogLevel.Error, "NATS reader loop failed")]
    public static partial void ReaderFailed(ILogger logger, Exception exception);

    [LoggerMessage(511, LogLevel.Information, "NATS server {Server} entered lame duck mode; moving to another server")]
    public static partial void LameDuck(ILogger logger, string server);
}
