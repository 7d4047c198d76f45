using ChatBotKit.Sources;
using ChatBotKit.Time;
using ChatBotKit.Twitch.Tests.Servers;
using static ChatBotKit.Twitch.Tests.Sending.VirtualSending;

namespace ChatBotKit.Twitch.Tests.Sending;

/// <summary>ROOMSTATE slow mode paces sending in that channel; the fake server enforces it (msg_slowmode) on virtual time.</summary>
public sealed class TwitchSlowModeTests
{
    [Fact]
    public async Task SendAsync_SlowModeOrdinaryAccount_SpacedBySlowIntervalAndOtherChannelNotHeldUp()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock) { Tolerance = Step };
        await using var source = Source(server, clock, "slowed", "other");
        await source.ConnectAsync();
        await server.NextJoinAsync(TimeSpan.FromSeconds(60));
        await server.NextJoinAsync(TimeSpan.FromSeconds(60));
        await server.SetSlowModeAsync("slowed", 10);
        await WaitAsync(() => source.SlowModeIn("#Slowed") == TimeSpan.FromSeconds(10));

        for (var i = 0; i < 4; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = "slowed", Text = $"slow {i}" });
        }

        await source.SendAsync(new OutgoingMessage { Channel = "other", Text = "not held up" });
        await DriveAsync(clock, () => source.Statistics.Sent == 5, () => Delivered(server, source));

        server.Violations.Should().Be(0);
        var slowed = server.AllReceived.Where(m => m.Channel == "slowed").Select(m => m.Time).ToList();
        slowed.Zip(slowed.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap >= TimeSpan.FromSeconds(10) - Step);
        (server.AllReceived.Single(m => m.Channel == "other").Time - slowed[0]).Should().BeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task SendAsync_SlowModeTurnedOff_BackToOnePerSecond()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock) { Tolerance = Step };
        await using var source = Source(server, clock, "c");
        await source.ConnectAsync();
        await server.NextJoinAsync(TimeSpan.FromSeconds(60));
        await server.SetSlowModeAsync("c", 30);
        await WaitAsync(() => source.SlowModeIn("c") == TimeSpan.FromSeconds(30));
        await server.SetSlowModeAsync("c", 0);
        await WaitAsync(() => source.SlowModeIn("c") == TimeSpan.Zero);

        for (var i = 0; i < 3; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = "c", Text = $"fast {i}" });
        }

        await DriveAsync(clock, () => source.Statistics.Sent == 3, () => Delivered(server, source));

        server.Violations.Should().Be(0);
        (server.AllReceived[^1].Time - server.AllReceived[0].Time).Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SendAsync_SlowModeAsModerator_Exempt()
    {
        var clock = new VirtualClock();
        await using var server = new FakeTwitchServer(clock, badges: "moderator/1") { Tolerance = Step };
        await server.SetSlowModeAsync("modded", 10);
        await using var source = Source(server, clock, "modded");
        await source.ConnectAsync();
        await WaitAsync(() => source.IsElevatedIn("modded") && source.SlowModeIn("modded") == TimeSpan.FromSeconds(10));

        for (var i = 0; i < 4; i++)
        {
            await source.SendAsync(new OutgoingMessage { Channel = "modded", Text = $"mod {i}" });
        }

        await DriveAsync(clock, () => source.Statistics.Sent == 4, () => Delivered(server, source));

        server.Violations.Should().Be(0);
        (server.AllReceived[^1].Time - server.AllReceived[0].Time).Should().BeLessThan(TimeSpan.FromSeconds(1), "moderators ignore slow mode");
    }
}
