using Microsoft.Extensions.Logging;

namespace ChatBotKit.AI.Policies;

/// <summary>Source-generated log messages for <see cref="LoggingChatClient"/>. Message text only at Trace.</summary>
internal static partial class LlmLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "LLM call to {Provider} model {Model} started with {MessageCount} messages (streaming: {Streaming})")]
    public static partial void CallStarted(ILogger logger, string provider, string model, int messageCount, bool streaming);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "LLM call to {Model} finished in {ElapsedMs:0} ms: {InputTokens} tokens in, {OutputTokens} out, finish {FinishReason}")]
    public static partial void CallFinished(ILogger logger, string model, double elapsedMs, long? inputTokens, long? outputTokens, string? finishReason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "LLM call to {Model} failed after {ElapsedMs:0} ms ({Kind}): {Error}")]
    public static partial void CallFailed(ILogger logger, string model, double elapsedMs, string kind, string error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Trace, Message = "LLM prompt, last message: {Text}")]
    public static partial void Prompt(ILogger logger, string text);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Trace, Message = "LLM reply: {Text}")]
    public static partial void Reply(ILogger logger, string text);
}
