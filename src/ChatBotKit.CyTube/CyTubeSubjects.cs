namespace ChatBotKit.CyTube;

/// <summary>
/// Which NATS subjects carry a channel's events and the bot's commands. <c>{channel}</c> is replaced
/// with the normalised channel name and <c>{command}</c> with <c>chat</c> or <c>pm</c>.
/// </summary>
/// <param name="Name">The preset's name (<c>kryten</c>, <c>seed001</c>), for logs and configuration.</param>
/// <param name="Events">The subscription subject for one channel's events (wildcards allowed).</param>
/// <param name="Commands">The subject commands go to.</param>
/// <param name="RequestReply">
/// Whether commands are Kryten robot commands sent as requests whose reply carries a success flag
/// (<c>{"command":"say","args":{…}}</c>); otherwise they are published fire-and-forget in the legacy
/// shape <c>{"action":"chat","data":{…}}</c>.
/// </param>
public sealed record CyTubeSubjects(string Name, string Events, string Commands, bool RequestReply)
{
    /// <summary>Kryten-Robot as it runs today: <c>kryten.events.cytube.{channel}.&gt;</c>, commands by request on <c>kryten.robot.command</c>.</summary>
    public static CyTubeSubjects Kryten { get; } = new("kryten", "kryten.events.cytube.{channel}.>", "kryten.robot.command", RequestReply: true);

    /// <summary>The shape seed 001 describes: <c>cytube.events.{channel}.*</c> in, <c>cytube.commands.{channel}.{chat|pm}</c> out.</summary>
    public static CyTubeSubjects Seed001 { get; } = new("seed001", "cytube.events.{channel}.*", "cytube.commands.{channel}.{command}", RequestReply: false);

    /// <summary>The preset called <paramref name="name"/> (case-insensitive); empty or null gives <see cref="Kryten"/>.</summary>
    /// <exception cref="ArgumentException">No preset has that name.</exception>
    public static CyTubeSubjects FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "kryten" => Kryten,
        "seed001" or "seed" or "legacy" => Seed001,
        _ => throw new ArgumentException($"Unknown CyTube subject preset '{name}'; use 'kryten' or 'seed001'.", nameof(name)),
    };

    /// <summary>The events subject for <paramref name="channel"/>.</summary>
    public string EventsFor(string channel) => Events.Replace("{channel}", SubjectToken.Normalize(channel), StringComparison.Ordinal);

    /// <summary>The command subject for <paramref name="channel"/> and <paramref name="command"/>.</summary>
    public string CommandsFor(string channel, string command) => Commands
        .Replace("{channel}", SubjectToken.Normalize(channel), StringComparison.Ordinal)
        .Replace("{command}", command, StringComparison.Ordinal);
}
