using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Engine;

/// <summary>An event waiting in a channel's queue, stamped with the engine's time when it arrived.</summary>
internal readonly record struct WorkItem(ChatEvent Event, IChatSource Source, CorrelationId CorrelationId, DateTimeOffset Now, string? SourceName = null);
