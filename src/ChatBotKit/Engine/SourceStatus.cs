using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Engine;

/// <summary>A snapshot of one declared source run by a <see cref="ChatSourceRunner"/>.</summary>
/// <param name="Name">The registration's name, e.g. <c>"twitch"</c>.</param>
/// <param name="Platform">The source's platform; <see langword="null"/> when it could not be created.</param>
/// <param name="State">The connection state.</param>
/// <param name="Channels">The channels the source was asked to join.</param>
/// <param name="Events">Events read from the source since it was created.</param>
/// <param name="LastEventAt">When the last event was read; <see langword="null"/> before the first.</param>
public sealed record SourceStatus(string Name, ChatPlatform? Platform, ConnectionState State, IReadOnlyList<string> Channels, long Events, DateTimeOffset? LastEventAt);
