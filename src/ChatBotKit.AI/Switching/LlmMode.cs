using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Switching;

/// <summary>
/// One way the bot can write its replies, by a name the streamer switches with: an external API
/// (<c>api</c>), a local server (<c>local</c>), the offline responder (<c>offline</c>).
/// </summary>
/// <param name="Name">The name the streamer and the logs use, one word.</param>
/// <param name="Client">The language model behind it.</param>
public sealed record LlmMode(string Name, IChatClient Client);
