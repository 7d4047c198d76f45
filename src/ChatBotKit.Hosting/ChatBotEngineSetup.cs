using ChatBotKit.Engine;

namespace ChatBotKit.Hosting;

/// <summary>A bot's last word on its engine options (the <c>streambot</c> tool sets its LLM and decision listeners), registered under the bot's key.</summary>
internal sealed class ChatBotEngineSetup(Func<ChatBotEngineOptions, ChatBotDefinition, ChatBotEngineOptions> apply)
{
    public ChatBotEngineOptions Apply(ChatBotEngineOptions options, ChatBotDefinition definition) => apply(options, definition);
}
