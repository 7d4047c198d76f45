using ChatBotKit.Events;
using ChatBotKit.Triggers;

namespace ChatBotKit.Tests.Triggers;

/// <summary>Builds the <see cref="TriggerContext"/> a trigger sees, for a bot called "kit".</summary>
internal static class TriggerContexts
{
    public static readonly BotIdentity Kit = new("kit", ["kitty bot", "KB"]);

    public static TriggerContext For(ChatEvent chatEvent, int messagesSinceBotSpoke = 0, BotIdentity? bot = null) =>
        new(chatEvent, bot ?? Kit, messagesSinceBotSpoke, Fakes.Events.Start);
}
