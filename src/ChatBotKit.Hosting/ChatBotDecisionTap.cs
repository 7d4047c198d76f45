using ChatBotKit.Engine;

namespace ChatBotKit.Hosting;

/// <summary>
/// Hears the decisions of every bot the host runs (the dashboard's live log, the interaction log):
/// each bot's engine gets the listener <see cref="For"/> returns, after the bot's own listeners.
/// </summary>
internal interface IChatBotDecisionTap
{
    /// <summary>The listener for the bot registered under <paramref name="bot"/>.</summary>
    IDecisionListener For(string bot);
}
