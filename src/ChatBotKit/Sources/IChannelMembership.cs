namespace ChatBotKit.Sources;

/// <summary>
/// Implemented by sources that can join and leave channels while connected (Twitch, CyTube), so a
/// reload or configuration change that adds a channel subscribes to it without a reconnect.
/// </summary>
public interface IChannelMembership
{
    /// <summary>The channels currently joined or being joined.</summary>
    IReadOnlyCollection<string> Channels { get; }

    /// <summary>Joins <paramref name="channel"/>; also after every reconnect. Joining a joined channel does nothing.</summary>
    ValueTask JoinAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary>Leaves <paramref name="channel"/>. Leaving a channel not joined does nothing.</summary>
    ValueTask LeaveAsync(string channel, CancellationToken cancellationToken = default);
}
