using NATS.Client.Core;

namespace ChatBotKit.CyTube;

/// <summary>One joined channel: its NATS subscription and the task that maps its events.</summary>
internal sealed record ChannelSubscription(INatsSub<byte[]> Subscription, Task Pump) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Subscription.DisposeAsync().ConfigureAwait(false);
        await Pump.ConfigureAwait(false);
    }
}
