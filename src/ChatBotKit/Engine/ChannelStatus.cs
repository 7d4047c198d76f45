using ChatBotKit.Events;

namespace ChatBotKit.Engine;

/// <summary>A snapshot of one channel inside the engine.</summary>
/// <param name="Platform">The channel's platform.</param>
/// <param name="Channel">The channel.</param>
/// <param name="QueueDepth">Events waiting to be handled.</param>
/// <param name="Dropped">Events dropped because the queue was full, since the channel opened.</param>
/// <param name="ContextLines">Lines in the context window.</param>
/// <param name="RepliesInFlight">Replies being written or sent.</param>
public sealed record ChannelStatus(ChatPlatform Platform, string Channel, int QueueDepth, long Dropped, int ContextLines, int RepliesInFlight);
