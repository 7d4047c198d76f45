namespace ChatBotKit.Sources;

/// <summary>
/// A platform connection a bot declares (<c>Bot.AddSource(...)</c>, or a connector's
/// <c>Bot.AddTwitch(...)</c>). The definition only describes it; the host creates the
/// <see cref="IChatSource"/> through <see cref="Create"/>, connects it, and on a hot reload keeps that
/// very connection while <see cref="Name"/> and <see cref="Settings"/> stay equal. When only
/// <see cref="Channels"/> change, a source that implements <see cref="IChannelMembership"/> joins and
/// leaves channels in place; any other change replaces the source.
/// </summary>
/// <param name="Name">Unique within a bot, e.g. <c>"twitch"</c>; it names the source in logs and health.</param>
/// <param name="Settings">
/// The connector's options, compared with <see cref="object.Equals(object?)"/> across reloads: use a
/// record whose members compare by value (strings, numbers, <see cref="Uri"/>, nested records).
/// </param>
/// <param name="Create">Makes the source, not yet connected, for the given context.</param>
public sealed record ChatSourceRegistration(string Name, object Settings, Func<ChatSourceContext, IChatSource> Create)
{
    /// <summary>The channels to join when connected. Empty means the source decides (console, replay).</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];
}
