using ChatBotKit.Nats;
using ChatBotKit.Nats.Bus;
using ChatBotKit.Sources;

namespace ChatBotKit;

/// <summary>Declares the scale-out bus as a bot's source: the bot becomes one worker among many.</summary>
public static class ChatBusBotBuilderExtensions
{
    /// <summary>
    /// Makes the bot a scale-out worker: it answers the events an ingest publishes on the bus at
    /// <paramref name="natsUrl"/>, sharing them with every other worker in the same queue group, and
    /// its replies go back through the ingest (see <c>docs/scale-out.md</c>).
    /// </summary>
    /// <param name="bot">The bot being built.</param>
    /// <param name="natsUrl">The NATS server(s), comma-separated, e.g. <c>nats://127.0.0.1:4222</c>.</param>
    /// <param name="subjects">Subject prefixes and queue group; <see langword="null"/> means <see cref="ChatBusSubjects.Default"/>.</param>
    public static ChatBotBuilder AddNatsBus(this ChatBotBuilder bot, string natsUrl, ChatBusSubjects? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return bot.AddSource(Registration(natsUrl, subjects));
    }

    /// <summary>The registration <see cref="AddNatsBus"/> adds, for hosts that assemble sources themselves.</summary>
    public static ChatSourceRegistration Registration(string natsUrl, ChatBusSubjects? subjects = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(natsUrl);
        var bus = subjects ?? ChatBusSubjects.Default;
        var servers = NatsOptions.ParseServers(natsUrl);
        return new("bus", (natsUrl, bus), context =>
            new ChatBusSource(new NatsOptions { Servers = servers, Name = "chatbotkit-worker" }, bus, context.LoggerFactory, context.TimeProvider));
    }
}
