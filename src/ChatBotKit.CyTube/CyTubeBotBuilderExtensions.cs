using ChatBotKit.CyTube;
using ChatBotKit.Sources;

namespace ChatBotKit;

/// <summary>Declares a CyTube connection (through Kryten over NATS) on a bot.</summary>
public static class CyTubeBotBuilderExtensions
{
    /// <summary>
    /// Adds CyTube channels reached through Kryten. The source joins <paramref name="channels"/>;
    /// adding a channel on reload subscribes without reconnecting.
    /// </summary>
    /// <param name="bot">The bot being built.</param>
    /// <param name="options">NATS servers, domain, subject preset.</param>
    /// <param name="channels">The CyTube channels.</param>
    public static ChatBotBuilder AddCyTube(this ChatBotBuilder bot, CyTubeOptions options, params string[] channels)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(options);
        return bot.AddSource(Registration(options, channels));
    }

    /// <summary>
    /// Adds one CyTube channel reached through Kryten at <paramref name="natsUrl"/>; the form a script
    /// uses with values from the environment (credentials and TLS files as
    /// <see cref="Nats.NatsConnectionOptions.FromEnvironment(string?)"/> reads them).
    /// </summary>
    /// <param name="bot">The bot being built.</param>
    /// <param name="natsUrl">The NATS server, e.g. <c>nats://127.0.0.1:4222</c>.</param>
    /// <param name="channel">The CyTube channel.</param>
    /// <param name="domain">The CyTube domain Kryten serves.</param>
    /// <param name="subjects">The subject preset: <c>kryten</c> (default) or <c>seed001</c>.</param>
    public static ChatBotBuilder AddCyTube(this ChatBotBuilder bot, string natsUrl, string channel, string domain = "cytu.be", string? subjects = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(natsUrl);
        var options = new CyTubeOptions
        {
            Nats = Nats.NatsConnectionOptions.FromEnvironment(natsUrl),
            Domain = domain,
            Subjects = CyTubeSubjects.FromName(subjects),
        };
        return bot.AddCyTube(options, channel);
    }

    /// <summary>The registration <see cref="AddCyTube(ChatBotBuilder, CyTubeOptions, string[])"/> adds, for hosts that assemble sources themselves.</summary>
    public static ChatSourceRegistration Registration(CyTubeOptions options, params string[] channels)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Nats.Validate();
        return new("cytube", options, context => new CyTubeChatSource(options, context.Channels, context.LoggerFactory, context.TimeProvider))
        {
            Channels = channels,
        };
    }
}
