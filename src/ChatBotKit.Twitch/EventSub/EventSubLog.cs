using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

internal static partial class EventSubLog
{
    [LoggerMessage(750, LogLevel.Information, "Twitch EventSub: session {SessionId} open, {Count} subscriptions")]
    public static partial void Subscribed(ILogger logger, string sessionId, int count);

    [LoggerMessage(751, LogLevel.Warning, "Twitch EventSub: skipped a message from {Address} ({Length} chars): {Problem}")]
    public static partial void FrameSkipped(ILogger logger, string problem, string address, int length);

    [LoggerMessage(752, LogLevel.Warning, "Twitch EventSub: a {MessageType} message ({SubscriptionType}, id {MessageId}) could not be handled and was skipped")]
    public static partial void FrameFailed(ILogger logger, Exception exception, string messageType, string subscriptionType, string messageId);

    [LoggerMessage(753, LogLevel.Warning, "Twitch EventSub: skipped a message from {Address} longer than {MaxBytes} bytes")]
    public static partial void MessageTooLong(ILogger logger, int maxBytes, string address);

    [LoggerMessage(754, LogLevel.Debug, "Twitch EventSub: skipped notification {MessageId}: unknown type {SubscriptionType} version {Version}")]
    public static partial void UnknownType(ILogger logger, string messageId, string subscriptionType, string version);

    [LoggerMessage(755, LogLevel.Warning, "Twitch EventSub: skipped notification {MessageId} ({SubscriptionType}): a field its event needs is missing")]
    public static partial void Unmappable(ILogger logger, string messageId, string subscriptionType);

    [LoggerMessage(756, LogLevel.Warning, "Twitch EventSub: Twitch revoked the subscription to {SubscriptionType} for channel {Channel}: {Status}")]
    public static partial void Revoked(ILogger logger, string subscriptionType, string channel, string status);

    [LoggerMessage(757, LogLevel.Warning, "Twitch EventSub: subscribing to {SubscriptionType} for channel {Channel} failed ({Answer}); carrying on without it")]
    public static partial void SubscribeFailed(ILogger logger, string subscriptionType, string channel, string answer);

    [LoggerMessage(758, LogLevel.Warning, "Twitch EventSub: no message within the keepalive window ({Timeout}); reconnecting")]
    public static partial void KeepaliveMissed(ILogger logger, TimeSpan timeout);

    [LoggerMessage(759, LogLevel.Warning, "Twitch EventSub: connection lost ({Reason}); reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(760, LogLevel.Warning, "Twitch EventSub: reconnect attempt {Attempt} failed; next in {Delay}")]
    public static partial void ReconnectFailed(ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(761, LogLevel.Information, "Twitch EventSub: Twitch asked to reconnect; the new session {SessionId} is open, closing the old one")]
    public static partial void HandedOver(ILogger logger, string sessionId);

    [LoggerMessage(762, LogLevel.Warning, "Twitch EventSub: opening the session Twitch pointed to failed; staying on the old one until it closes")]
    public static partial void HandoverFailed(ILogger logger, Exception exception);

    [LoggerMessage(763, LogLevel.Warning, "Twitch EventSub: the event queue is full; the oldest event was dropped")]
    public static partial void EventDropped(ILogger logger);

    [LoggerMessage(764, LogLevel.Information, "Twitch EventSub: joined channel {Channel} on the open session, {Count} subscriptions")]
    public static partial void ChannelSubscribed(ILogger logger, string channel, int count);

    [LoggerMessage(765, LogLevel.Information, "Twitch EventSub: left channel {Channel}, {Count} subscriptions deleted")]
    public static partial void ChannelUnsubscribed(ILogger logger, string channel, int count);

    [LoggerMessage(766, LogLevel.Warning, "Twitch EventSub: deleting a subscription of channel {Channel} failed ({Answer}); Twitch ends it with the session")]
    public static partial void UnsubscribeFailed(ILogger logger, string channel, string answer);
}
