namespace ChatBotKit.YouTube.Parsing;

/// <summary>An item lacks a field it cannot do without; the parser records the message and goes on with the next item.</summary>
internal sealed class SkippedItemException(string message) : Exception(message);
