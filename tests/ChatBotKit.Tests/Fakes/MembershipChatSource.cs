using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.Tests.Fakes;

/// <summary>A fake source that joins and leaves channels in place and records each call.</summary>
public sealed class MembershipChatSource(IReadOnlyList<string> channels) : IChatSource, IChannelMembership
{
    private readonly List<string> _channels = [.. channels];

    public FakeChatSource Inner { get; } = new();

    public List<string> Calls { get; } = [];

    public ChatPlatform Platform => Inner.Platform;

    public PlatformLimits Limits => Inner.Limits;

    public ConnectionState State => Inner.State;

    public IReadOnlyCollection<string> Channels => [.. _channels];

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default) => Inner.ConnectAsync(cancellationToken);

    public IAsyncEnumerable<ChatEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => Inner.ReadEventsAsync(cancellationToken);

    public ValueTask<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) => Inner.SendAsync(message, cancellationToken);

    public ValueTask JoinAsync(string channel, CancellationToken cancellationToken = default)
    {
        Calls.Add($"join {channel}");
        _channels.Add(channel);
        return ValueTask.CompletedTask;
    }

    public ValueTask LeaveAsync(string channel, CancellationToken cancellationToken = default)
    {
        Calls.Add($"leave {channel}");
        _channels.Remove(channel);
        return ValueTask.CompletedTask;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
