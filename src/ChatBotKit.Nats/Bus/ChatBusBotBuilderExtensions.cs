using ChatBotKit.Nats;
using ChatBotKit.Nats.Bus;
using ChatBotKit.Sources;
using NATS.Client.Core;

namespace ChatBotKit;

/// <summary>Declares the scale-out bus as a bot's source: the bot becomes one worker among many.</summary>
public static class ChatBusBotBuilderExtensions
{
    /// <summary>
    /// Makes the bot a scale-out worker: it answers the events an ingest publishes on the bus at
    /// <paramref name="natsUrl"/>, sharing them with every other worker in the same queue group, and
    /// its replies go back through the ingest (see <c>docs/scale-out.md</c>). Credentials and TLS files
    /// come from the environment (<see cref="NatsConnectionOptions.FromEnvironment(string?)"/>).
    /// </summary>
    /// <param name="bot">The bot being built.</param>
    /// <param name="natsUrl">The NATS server(s), comma-separated, e.g. <c>nats://127.0.0.1:4222</c>.</param>
    /// <param name="subjects">Subject prefixes and queue group; <see langword="null"/> means <see cref="ChatBusSubjects.Default"/>.</param>
    public static ChatBotBuilder AddNatsBus(this ChatBotBuilder bot, string natsUrl, ChatBusSubjects? subjects = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(natsUrl);
        return bot.AddNatsBus(NatsConnectionOptions.FromEnvironment(natsUrl) with { Name = "chatbotkit-worker" }, subjects);
    }

    /// <summary>Makes the bot a scale-out worker on the NATS connection <paramref name="nats"/> describes.</summary>
    /// <param name="bot">The bot being built.</param>
    /// <param name="nats">Servers, credentials and TLS.</param>
    /// <param name="subjects">Subject prefixes and queue group; <see langword="null"/> means <see cref="ChatBusSubjects.Default"/>.</param>
    public static ChatBotBuilder AddNatsBus(this ChatBotBuilder bot, NatsConnectionOptions nats, ChatBusSubjects? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return bot.AddSource(Registration(nats, subjects));
    }

    /// <summary>Makes the bot a scale-out worker on a NATS.Net connection made from <paramref name="opts"/>.</summary>
    /// <param name="bot">The bot being built.</param>
    /// <param name="opts">NATS.Net's options, for what <see cref="NatsConnectionOptions"/> does not cover.</param>
    /// <param name="subjects">Subject prefixes and queue group; <see langword="null"/> means <see cref="ChatBusSubjects.Default"/>.</param>
    public static ChatBotBuilder AddNatsBus(this ChatBotBuilder bot, NatsOpts opts, ChatBusSubjects? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(opts);
        var bus = subjects ?? ChatBusSubjects.Default;
        return bot.AddSource(new("bus", (opts, bus), context => new ChatBusSource(opts, bus, context.LoggerFactory)));
    }

    /// <summary>The registration <see cref="AddNatsBus(ChatBotBuilder, NatsConnectionOptions, ChatBusSubjects?)"/> adds, for hosts that assemble sources themselves.</summary>
    public static ChatSourceRegistration Registration(NatsConnectionOptions nats, ChatBusSubjects? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(nats);
        nats.Validate();
        var bus = subjects ?? ChatBusSubjects.Default;
        return new("bus", (nats, bus), context => new ChatBusSource(nats, bus, context.LoggerFactory));
    }
}
