using ChatBotKit.Events;

namespace ChatBotKit.Nats.Bus;

/// <summary>
/// Subjects of the scale-out bus: events on <c>{Events}.{platform}.{channel}</c>, replies on
/// <c>{Commands}.{platform}.{channel}</c>. Channel tokens are lowercased with dots, spaces and
/// wildcards replaced by <c>_</c>; the exact channel travels in the payload.
/// </summary>
/// <param name="Events">Prefix of event subjects.</param>
/// <param name="Commands">Prefix of command (reply) subjects.</param>
/// <param name="WorkerQueue">The queue group workers share, so that each event reaches one worker.</param>
public sealed record ChatBusSubjects(string Events = "chatbotkit.events", string Commands = "chatbotkit.commands", string WorkerQueue = "chatbotkit-workers")
{
    /// <summary>The defaults.</summary>
    public static ChatBusSubjects Default { get; } = new();

    /// <summary>The subject a source's event is published on.</summary>
    public string EventsFor(ChatPlatform platform, string channel) => $"{Events}.{Token(platform.Value)}.{Token(channel)}";

    /// <summary>The subject a reply to <paramref name="channel"/> is published on.</summary>
    public string CommandsFor(ChatPlatform platform, string channel) => $"{Commands}.{Token(platform.Value)}.{Token(channel)}";

    /// <summary>The wildcard subject of every reply for <paramref name="platform"/>.</summary>
    public string AllCommandsFor(ChatPlatform platform) => $"{Commands}.{Token(platform.Value)}.>";

    private static string Token(string value)
    {
        var chars = value.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '.' or '*' or '>' || char.IsWhiteSpace(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return chars.Length == 0 ? "_" : new string(chars);
    }
}
