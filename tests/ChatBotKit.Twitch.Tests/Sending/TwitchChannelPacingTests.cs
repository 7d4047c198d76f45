using ChatBotKit.Sources;
using ChatBotKit.Time;
using ChatBotKit.Twitch.Tests.Servers;
using static ChatBotKit.Twitch.Tests.Sending.VirtualSending;

namespace ChatBotKit.Twitch.Tests.Sending;

/// <summary>Each channel is paced on its own while the account's window is shared; judged by the fake server on virtual time.</summary>
public sealed class TwitchChannelPacingTests
{
    [Fact]
    public async Task SendAsync_OneChannelPacedAtOnePerSecond_AnotherChannelIsNotHeldUp()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock) { Tolerance = Step };
        await using var source = Source(server, clock, "busy", "quiet");
        await source.ConnectAsync();

        for (var i = 0; i < 10; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = "busy", Text = $"busy {i}" });
        }

        await source.SendAsync(new OutgoingMessage { Channel = "quiet", Text = "quiet one" });
        await DriveAsync(clock, () => source.Statistics.Sent == 11, () => Delivered(server, source));

        server.Violations.Should().Be(0);
        var first = server.AllReceived[0].Time;
        var quiet = server.AllReceived.Single(m => m.Channel == "quiet");
        (quiet.Time - first).Should().BeLessThan(TimeSpan.FromSeconds(2), "the quiet channel does not wait behind busy's one-per-second pacing");
        (server.AllReceived.Last(m => m.Channel == "busy").Time - first).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(9) - Step);
    }

    [Fact]
    public async Task SendAsync_ChannelTimedOut_OtherChannelSendsMeanwhileAndTheTimedOutOneAfterwards()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock) { Tolerance = Step };
        await using var source = Source(server, clock, "muted", "open");
        await source.ConnectAsync();
        await server.PushAsync("@msg-id=msg_timedout :tmi.twitch.tv NOTICE #muted :You are timed out for 60 more seconds.");
        await WaitAsync(() => source.Statistics.TimedOutNotices == 1);
        var timedOutAt = clock.GetUtcNow();

        for (var i = 0; i < 3; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = "muted", Text = $"muted {i}" });
            await source.SendAsync(new OutgoingMessage { Channel = "open", Text = $"open {i}" });
        }

        await DriveAsync(clock, () => source.Statistics.Sent == 6, () => Delivered(server, source));

        server.Violations.Should().Be(0);
        server.AllReceived.Take(3).Should().OnlyContain(m => m.Channel == "open");
        server.AllReceived.Where(m => m.Channel == "open").Should().OnlyContain(m => m.Time - timedOutAt < TimeSpan.FromSeconds(5));
        server.AllReceived.Where(m => m.Channel == "muted").Should().HaveCount(3).And.OnlyContain(m => m.Time - timedOutAt >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task SendAsync_BurstOf10000AsModeratorAcrossChannels_AccountWindowSharedNoViolationsEveryLossCounted()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock, badges: "moderator/1") { Tolerance = Step };
        string[] channels = ["a", "b", "c", "d"];
        await using var source = Source(server, clock, channels);
        await source.ConnectAsync();
        await WaitAsync(() => channels.All(source.IsElevatedIn));

        for (var i = 0; i < 10_000; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = channels[i % 4], Text = $"message {i / 8}" });
        }

        await DriveAsync(clock, () => source.Statistics.Sent + source.Statistics.NotSent == 10_000, () => Delivered(server, source));

        server.Violations.Should().Be(0, "100 per 30 s is the account's, shared by every channel");
        source.Statistics.QueueDrops.Should().BeGreaterThan(8_000, "the queue holds 1,000 across channels; the oldest are dropped, counted");
        source.Statistics.LostOnDisconnect.Should().Be(0);
        server.AllReceived.Count.Should().Be((int)source.Statistics.Sent);
        server.AllReceived.GroupBy(m => m.Channel).Should().HaveCount(4).And.OnlyContain(g => g.Last().Text.StartsWith("message 1249", StringComparison.Ordinal), "the newest are kept in every channel");
    }
}
