using NATS.Client.Core;

namespace ChatBotKit.Nats.Tests.Fixtures;

/// <summary>Generous guards against hangs on a loaded machine; not speed targets.</summary>
public static class Wait
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<NatsMsg<byte[]>> NextAsync(INatsSub<byte[]> subscription)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await subscription.Msgs.ReadAsync(timeout.Token);
    }

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
