using ChatBotKit.AI.Switching;
using ChatBotKit.Events;

namespace ChatBotKit;

/// <summary><c>Bot.OnLlmModeCommand(modes)</c>: the streamer switches the bot's LLM mode from chat or the console.</summary>
public static class LlmModeBotBuilderExtensions
{
    /// <summary>
    /// Adds <c>!llm</c> (or <paramref name="name"/>): alone it tells the mode in use and the modes there
    /// are; <c>!llm local</c> makes <c>local</c> the first mode tried (the ones after it stay
    /// fallbacks); <c>!llm auto</c> lets the switch choose again. By default only the broadcaster and
    /// moderators may use it.
    /// </summary>
    public static ChatBotBuilder OnLlmModeCommand(this ChatBotBuilder builder, ModeSwitchingChatClient modes, string name = "llm", ChatRoles requiredRoles = ChatRoles.Broadcaster | ChatRoles.Moderator)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(modes);
        return builder.OnCommand(name, context =>
        {
            var wanted = context.Command?.ArgumentText ?? "";
            try
            {
                if (string.Equals(wanted, "auto", StringComparison.OrdinalIgnoreCase))
                {
                    modes.UseAutomatic();
                }
                else if (wanted.Length > 0)
                {
                    modes.Use(wanted);
                }
            }
            catch (ArgumentException ex)
            {
                return ex.Message.Split(" (Parameter", 2)[0];
            }

            var chosen = modes.ChosenMode is null ? "chosen automatically" : "chosen by hand";
            return $"LLM mode: {modes.CurrentMode} ({chosen}). Modes: {string.Join(", ", modes.Modes.Select(m => m.Name))}, auto.";
        }, requiredRoles);
    }
}
