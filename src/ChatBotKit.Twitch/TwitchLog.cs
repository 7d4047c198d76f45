using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch;

internal static partial class TwitchLog
{
    [LoggerMessage(701, LogLevel.Information, "Twitch: connected to {Server} as {Nick} (Twitch capabilities: {TwitchCapabilities}, message tags: {MessageTags})")]
    public static partial void Connected(ILogger logger, Uri server, string nick, bool twitchCapabilities, bool messageTags);

    [LoggerMessage(702, LogLevel.Warning, "Twitch: the server refused capabilities {Capabilities}; carrying on without them")]
    public static partial void CapabilitiesRefused(ILogger logger, string capabilities);

    [LoggerMessage(703, LogLevel.Warning, "Twitch: connection lost ({Reason}); reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(704, LogLevel.Warning, "Twitch: reconnect attempt {Attempt} failed; next in {Delay}")]
    public static partial void ReconnectFailed(ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(705, LogLevel.Warning, "Twitch: a line could not be handled and was skipped")]
    public static partial void LineFailed(ILogger logger, Exception exception);

    [LoggerMessage(706, LogLevel.Trace, "Twitch: skipped line: {Line}")]
    public static partial void LineSkipped(ILogger logger, string line);

    [LoggerMessage(707, LogLevel.Warning, "Twitch: writing to the server failed")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(708, LogLevel.Warning, "Twitch: a message was lost when the connection broke")]
    public static partial void MessageLost(ILogger logger);

    [LoggerMessage(709, LogLevel.Warning, "Twitch: the outbound queue is full; the oldest message (to #{Channel}) was dropped")]
    public static partial void OutboundDropped(ILogger logger, string channel);

    [LoggerMessage(710, LogLevel.Warning, "Twitch: the event queue is full; the oldest event was dropped")]
    public static partial void EventDropped(ILogger logger);

    [LoggerMessage(711, LogLevel.Warning, "Twitch: a message to #{Channel} was not sent: {Reason}")]
    public static partial void NotSent(ILogger logger, string channel, string reason);

    [LoggerMessage(712, LogLevel.Warning, "Twitch: #{Channel} answered {NoticeId}; sending there is slowed or stopped")]
    public static partial void SendNotice(ILogger logger, string channel, string noticeId);

    [LoggerMessage(713, LogLevel.Debug, "Twitch: #{Channel}: the bot's role allows elevated sending: {Elevated}")]
    public static partial void RoleLearned(ILogger logger, string channel, bool elevated);

    [LoggerMessage(716, LogLevel.Debug, "Twitch: #{Channel}: slow mode {Interval} (zero is off)")]
    public static partial void SlowModeLearned(ILogger logger, string channel, TimeSpan interval);

    [LoggerMessage(714, LogLevel.Information, "Twitch: the server asked to reconnect; opening a new connection while the old one still works")]
    public static partial void ReconnectRequested(ILogger logger);

    [LoggerMessage(717, LogLevel.Information, "Twitch: the new connection has joined every channel; sending switched to it")]
    public static partial void HandedOver(ILogger logger);

    [LoggerMessage(718, LogLevel.Warning, "Twitch: opening the new connection after RECONNECT failed; staying on the old one until it closes")]
    public static partial void HandoverFailed(ILogger logger, Exception exception);

    [LoggerMessage(719, LogLevel.Warning, "Twitch: the new connection's JOINs were not all confirmed within {Timeout}; switching anyway")]
    public static partial void JoinsUnconfirmed(ILogger logger, TimeSpan timeout);

    [LoggerMessage(720, LogLevel.Information, "Twitch: the old connection is closed")]
    public static partial void OldConnectionClosed(ILogger logger);

    [LoggerMessage(721, LogLevel.Warning, "Twitch: the server sent a line longer than {MaxBytes} bytes; it was skipped up to its end")]
    public static partial void LineTooLong(ILogger logger, int maxBytes);

    [LoggerMessage(715, LogLevel.Information, "Twitch: server notice {NoticeId}: {Text}")]
    public static partial void ServerNotice(ILogger logger, string noticeId, string? text);
}
