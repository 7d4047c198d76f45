using ChatBotKit.Context;

namespace ChatBotKit.Engine;

/// <summary>A reply on its way: the event, the definition it started under, the trigger that fired and the conversation as it was then.</summary>
internal sealed record PendingReply(WorkItem Item, ActiveDefinition Active, FiredTrigger Fired, ContextEntry[] History);
