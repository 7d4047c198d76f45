using ChatBotKit.Sources;
using ChatBotKit.Time;
using ChatBotKit.Twitch.Tests.Connection;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.Sending;

/// <summary>Runs a source against the fake server on virtual time: the clock moves only once what was sent has arrived.</summary>
internal static class VirtualSending
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>A source with Twitch's real limits on <paramref name="clock"/>.</summary>
    public static TwitchChatSource Source(FakeTwitchServer server, TimeProvider clock, params string[] channels)
    {
        var options = TwitchChatSourceConformanceTests.OpenOptions(server.Address) with { PingInterval = TimeSpan.FromHours(1), Send = new TwitchSendLimits() };
        return new TwitchChatSource(options, new ChatSourceContext { Channels = channels, TimeProvider = clock });
    }

    /// <summary>Whether everything the source handed to its connection has reached the server.</summary>
    public static bool Delivered(FakeTwitchServer server, TwitchChatSource source) => server.AllReceived.Count == source.Statistics.Handed;

    // Moves virtual time in small steps, and only once everything handed to the connection has
    // arrived, so that delivery latency on a loaded machine is at most one step of virtual time.
    public static async Task DriveAsync(VirtualClock clock, Func<bool> done, Func<bool> delivered)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "sending should finish");
            if (delivered())
            {
                clock.Advance(Step);
            }

            await Task.Delay(1);
        }

        await WaitAsync(delivered);
    }

    public static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await Task.Delay(5);
        }
    }
}
