using ChatBotKit.Sources;
using ChatBotKit.Time;
using ChatBotKit.Twitch.Tests.Connection;
using ChatBotKit.Twitch.Tests.Servers;
using static ChatBotKit.Twitch.Tests.Sending.VirtualSending;

namespace ChatBotKit.Twitch.Tests.Sending;

/// <summary>Bursts of sends against the fake server, which judges them by Twitch's rules, on virtual time.</summary>
public sealed class TwitchBurstTests
{
    [Fact]
    public async Task SendAsync_BurstOf10000AsModerator_NoViolationsAndEveryLossCounted()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock, badges: "moderator/1") { Tolerance = Step };
        await using var source = Source(server, clock, "mine");
        await source.ConnectAsync();
        await WaitAsync(() => source.IsElevatedIn("mine"));

        for (var i = 0; i < 10_000; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = "mine", Text = $"message {i / 3}" });
        }

        await DriveAsync(clock, () => source.Statistics.Sent + source.Statistics.NotSent == 10_000, () => server.AllReceived.Count == source.Statistics.Handed);

        server.Violations.Should().Be(0);
        source.Statistics.QueueDrops.Should().BeGreaterThan(0, "the queue holds 1,000 and the rest are dropped, counted");
        source.Statistics.DuplicatesVaried.Should().BeGreaterThan(0);
        source.Statistics.LostOnDisconnect.Should().Be(0);
        server.AllReceived.Count.Should().Be((int)source.Statistics.Sent);
    }

    [Fact]
    public async Task SendAsync_BurstAsOrdinaryAccountToTwoChannels_NoViolations()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock) { Tolerance = Step };
        await using var source = Source(server, clock, "a", "b");
        await source.ConnectAsync();

        for (var i = 0; i < 200; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = i % 2 == 0 ? "a" : "b", Text = i % 4 < 2 ? "same again" : $"text {i}" });
        }

        await DriveAsync(clock, () => source.Statistics.Sent + source.Statistics.NotSent == 200, () => server.AllReceived.Count == source.Statistics.Handed);

        server.Violations.Should().Be(0);
        source.Statistics.Sent.Should().Be(200, "nothing is dropped when the queue has room and duplicates are varied");
        var elapsed = server.AllReceived[^1].Time - server.AllReceived[0].Time;
        elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(270), "200 messages at 20 per 30 s take 9 windows");
    }

    [Fact]
    public async Task Watchdog_ServerStopsAnswering_PingsThenReconnects()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock) { AnswerPings = false };
        var options = TwitchChatSourceConformanceTests.OpenOptions(server.Address) with { PingInterval = TimeSpan.FromSeconds(10), PongTimeout = TimeSpan.FromSeconds(5) };
        await using var source = new TwitchChatSource(options, new ChatSourceContext { Channels = ["c"], TimeProvider = clock });
        await source.ConnectAsync();

        await DriveAsync(clock, () => server.Logins == 2, () => true);

        server.Pings.Should().BeGreaterThan(0);
    }
}
