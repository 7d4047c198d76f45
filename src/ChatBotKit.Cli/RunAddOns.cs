using ChatBotKit.Hosting.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotKit.Cli;

/// <summary>What <c>run</c> serves or keeps beside the bot: the dashboard (<c>--dashboard</c>, "" for the default address) and the interaction log (<c>--interaction-log</c>).</summary>
internal sealed record RunAddOns(string? Dashboard, DirectoryInfo? InteractionLog)
{
    /// <summary>Neither.</summary>
    public static RunAddOns None { get; } = new(null, null);

    /// <summary>Turns the interaction log on for <paramref name="bot"/> when asked for.</summary>
    public void AddInteractionLog(IChatBotBuilder bot)
    {
        if (InteractionLog is not null)
        {
            bot.WithInteractionLog(new InteractionLogOptions { Directory = InteractionLog.FullName });
        }
    }
}
