using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class AmbientTriggerTests
{
    [Fact]
    public void Constructor_Defaults_FivePercentAfterTenMessages()
    {
        var trigger = new AmbientTrigger();

        trigger.Probability.Should().Be(0.05);
        trigger.MinMessagesSinceBot.Should().Be(10);
        trigger.Name.Should().Be("ambient");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(50, true)]
    public void Matches_MessagesSinceBotSpoke_NeedsMinimum(int messagesSinceBot, bool expected) =>
        new AmbientTrigger { MinMessagesSinceBot = 3 }
            .Matches(For(Message("alice", "anyone here?"), messagesSinceBot))
            .Should().Be(expected);

    [Fact]
    public void Matches_PrivateMessage_ReturnsFalse() =>
        new AmbientTrigger().Matches(For(Message("alice", "hi", kind: MessageKind.Private), 100)).Should().BeFalse();

    [Fact]
    public void Matches_NonMessageEvent_ReturnsFalse() =>
        new AmbientTrigger().Matches(For(Media("song"), 100)).Should().BeFalse();

    [Fact]
    public void Validate_NegativeMinMessages_NamesSetting()
    {
        var act = () => new AmbientTrigger { MinMessagesSinceBot = -1 }.Validate("Triggers[3]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[3].MinMessagesSinceBot");
    }
}
