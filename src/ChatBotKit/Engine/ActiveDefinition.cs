using Microsoft.Extensions.AI;

namespace ChatBotKit.Engine;

/// <summary>A definition in force, with the LLM resolved for it. Replies keep the one they started under.</summary>
internal sealed record ActiveDefinition(ChatBotDefinition Definition, IChatClient ChatClient, int Generation);
