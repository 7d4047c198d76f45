using ChatBotKit.Sources;
using ChatBotKit.Twitch;

namespace ChatBotKit;

/// <summary><c>Bot.AddTwitch(...)</c>: declares a Twitch chat connection on a bot.</summary>
public static class TwitchBotBuilderExtensions
{
    /// <summary>
    /// Declares a Twitch connection that joins <paramref name="channels"/>. Without
    /// <paramref name="options"/> it reads <c>TWITCH_NICK</c>, <c>TWITCH_OAUTH_TOKEN</c> and
    /// <c>TWITCH_IRC_SERVER</c> (<see cref="TwitchOptions.FromEnvironment"/>); no nick or token means
    /// anonymous, read-only. <see cref="TwitchOptions.Transport"/> chooses IRC (<see cref="TwitchChatSource"/>)
    /// or EventSub with Helix (<see cref="TwitchEventSubSource"/>).
    /// </summary>
    /// <param name="builder">The bot.</param>
    /// <param name="channels">Channel logins to join, with or without <c>#</c>.</param>
    /// <param name="options">Connection settings.</param>
    /// <param name="name">The source's name within the bot; default <c>twitch</c>.</param>
    public static ChatBotBuilder AddTwitch(this ChatBotBuilder builder, IEnumerable<string> channels, TwitchOptions? options = null, string name = "twitch")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(channels);
        var settings = options ?? TwitchOptions.FromEnvironment();
        settings.Validate();
        return builder.AddSource(new ChatSourceRegistration(name, settings, context => settings.Transport == TwitchTransport.EventSub ? new TwitchEventSubSource(settings, context) : new TwitchChatSource(settings, context))
        {
            Channels = [.. channels.Select(TwitchChatSource.NormalizeChannel)],
        });
    }

    /// <summary>Declares a Twitch connection that joins one <paramref name="channel"/>; see the other overload.</summary>
    public static ChatBotBuilder AddTwitch(this ChatBotBuilder builder, string channel, TwitchOptions? options = null) =>
        builder.AddTwitch([channel], options);
}
