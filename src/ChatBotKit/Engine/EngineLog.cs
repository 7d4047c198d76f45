using ChatBotKit.Events;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

internal static partial class EngineLog
{
    [LoggerMessage(1, LogLevel.Debug, "[{CorrelationId}] {Platform}/{Channel} {EventKind}: {Outcome} (trigger {Trigger}, reason {Reason})")]
    public static partial void Decision(ILogger logger, CorrelationId correlationId, ChatPlatform platform, string channel, string eventKind, DecisionOutcome outcome, string? trigger, string? reason);

    [LoggerMessage(2, LogLevel.Trace, "[{CorrelationId}] {User}: {Text}")]
    public static partial void MessageText(ILogger logger, CorrelationId correlationId, string user, string text);

    [LoggerMessage(3, LogLevel.Warning, "[{CorrelationId}] LLM call for trigger {Trigger} timed out after {Timeout}")]
    public static partial void LlmTimedOut(ILogger logger, CorrelationId correlationId, string trigger, TimeSpan timeout);

    [LoggerMessage(4, LogLevel.Warning, "[{CorrelationId}] LLM call for trigger {Trigger} failed: {Error}")]
    public static partial void LlmFailed(ILogger logger, CorrelationId correlationId, string trigger, string error);

    [LoggerMessage(15, LogLevel.Debug, "[{CorrelationId}] LLM failure details")]
    public static partial void LlmFailureDetails(ILogger logger, Exception exception, CorrelationId correlationId);

    [LoggerMessage(5, LogLevel.Error, "[{CorrelationId}] Reply handler of trigger {Trigger} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, CorrelationId correlationId, string trigger);

    [LoggerMessage(6, LogLevel.Warning, "[{CorrelationId}] Sending to {Platform}/{Channel} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, CorrelationId correlationId, ChatPlatform platform, string channel);

    [LoggerMessage(16, LogLevel.Warning, "[{CorrelationId}] The reply for {Platform}/{Channel} was not sent: {Reason}")]
    public static partial void NotSent(ILogger logger, CorrelationId correlationId, ChatPlatform platform, string channel, string reason);

    [LoggerMessage(7, LogLevel.Error, "[{CorrelationId}] Trigger {Trigger} threw while matching; treated as no match")]
    public static partial void TriggerFailed(ILogger logger, Exception exception, CorrelationId correlationId, string trigger);

    [LoggerMessage(8, LogLevel.Error, "Source {Platform} stopped with an error")]
    public static partial void SourceFailed(ILogger logger, Exception exception, ChatPlatform platform);

    [LoggerMessage(9, LogLevel.Information, "Bot definition generation {Generation} is active ({TriggerCount} triggers)")]
    public static partial void DefinitionSwapped(ILogger logger, int generation, int triggerCount);

    [LoggerMessage(10, LogLevel.Error, "[{CorrelationId}] Unexpected error while handling an event in {Platform}/{Channel}")]
    public static partial void Unexpected(ILogger logger, Exception exception, CorrelationId correlationId, ChatPlatform platform, string channel);

    [LoggerMessage(11, LogLevel.Warning, "Event without a channel from {Platform} ignored")]
    public static partial void EventWithoutChannel(ILogger logger, ChatPlatform platform);

    [LoggerMessage(12, LogLevel.Error, "Decision listener {Listener} threw; ignored")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string listener);

    [LoggerMessage(14, LogLevel.Error, "[{CorrelationId}] A response filter threw; the reply was dropped")]
    public static partial void FilterFailed(ILogger logger, Exception exception, CorrelationId correlationId);

    [LoggerMessage(17, LogLevel.Warning, "[{CorrelationId}] The speaker failed on the reply of trigger {Trigger}; the chat reply stands")]
    public static partial void SpeechFailed(ILogger logger, Exception exception, CorrelationId correlationId, string trigger);

    [LoggerMessage(18, LogLevel.Error, "[{CorrelationId}] Event observer {Observer} threw; the event goes on")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, CorrelationId correlationId, string observer);

    [LoggerMessage(13, LogLevel.Warning, "Shutdown: replies still in flight after {Timeout}; cancelling them")]
    public static partial void ShutdownTimedOut(ILogger logger, TimeSpan timeout);
}
