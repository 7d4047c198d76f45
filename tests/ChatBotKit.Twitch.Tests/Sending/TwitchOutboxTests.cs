using ChatBotKit.Sources;
using ChatBotKit.Twitch.Sending;

namespace ChatBotKit.Twitch.Tests.Sending;

public class TwitchOutboxTests
{
    private static readonly TimeSpan Blocked = TimeSpan.FromSeconds(5);

    [Fact]
    public void TryTake_FirstChannelMustWait_TakesTheOldestOfAChannelThatMaySend()
    {
        var outbox = new TwitchOutbox(10);
        Add(outbox, "slow", "s1");
        Add(outbox, "fast", "f1");
        Add(outbox, "fast", "f2");

        outbox.TryTake(c => c == "slow" ? Blocked : TimeSpan.Zero, out var taken, out _).Should().BeTrue();

        taken!.Message.Text.Should().Be("f1");
    }

    [Fact]
    public void TryTake_EveryChannelMustWait_ReportsTheShortestWait()
    {
        var outbox = new TwitchOutbox(10);
        Add(outbox, "a", "a1");
        Add(outbox, "b", "b1");

        outbox.TryTake(c => c == "a" ? Blocked : TimeSpan.FromSeconds(2), out var taken, out var wait).Should().BeFalse();

        taken.Should().BeNull();
        wait.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void TryAdd_Full_DropsTheOldestOfAnyChannel()
    {
        var outbox = new TwitchOutbox(2);
        Add(outbox, "a", "a1");
        Add(outbox, "b", "b1");

        outbox.TryAdd("b", new OutgoingMessage { Channel = "b", Text = "b2" }, out var dropped).Should().BeTrue();

        dropped!.Message.Text.Should().Be("a1");
        outbox.TryTake(_ => TimeSpan.Zero, out var next, out _).Should().BeTrue();
        next!.Message.Text.Should().Be("b1");
    }

    [Fact]
    public void Complete_WithMessagesWaiting_RefusesNewOnesAndIsDoneWhenEmpty()
    {
        var outbox = new TwitchOutbox(2);
        Add(outbox, "a", "a1");

        outbox.Complete();

        outbox.TryAdd("a", new OutgoingMessage { Channel = "a", Text = "late" }, out _).Should().BeFalse();
        outbox.IsDone.Should().BeFalse();
        outbox.TryTake(_ => TimeSpan.Zero, out _, out _).Should().BeTrue();
        outbox.IsDone.Should().BeTrue();
    }

    private static void Add(TwitchOutbox outbox, string channel, string text) =>
        outbox.TryAdd(channel, new OutgoingMessage { Channel = channel, Text = text }, out _).Should().BeTrue();
}
