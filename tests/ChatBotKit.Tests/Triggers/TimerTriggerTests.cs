using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class TimerTriggerTests
{
    private readonly TimerTrigger _trigger = new(TimeSpan.FromMinutes(10)) { Name = "hydrate", Instruction = "Remind chat to hydrate.", MinMessages = 3 };

    [Theory]
    [InlineData(3, true)]
    [InlineData(10, true)]
    [InlineData(2, false)]
    [InlineData(0, false)]
    public void Matches_OwnTick_NeedsMinMessages(int messages, bool expected) =>
        _trigger.Matches(For(Tick(_trigger, messages))).Should().Be(expected);

    [Fact]
    public void Matches_AnotherTimersTick_ReturnsFalse()
    {
        var other = new TimerTrigger(TimeSpan.FromMinutes(10)) { Name = "follow", Instruction = "Ask chat to follow.", MinMessages = 3 };

        _trigger.Matches(For(Tick(other, 100))).Should().BeFalse();
    }

    [Fact]
    public void Matches_ChatMessage_ReturnsFalse() =>
        _trigger.Matches(For(Message("alice", "hydrate"), 100)).Should().BeFalse();

    [Fact]
    public void TimerInterval_IsTheInterval() =>
        ((ITrigger)_trigger).TimerInterval.Should().Be(TimeSpan.FromMinutes(10));

    [Fact]
    public void Validate_IntervalUnderOneSecond_NamesInterval()
    {
        var act = () => new TimerTrigger(TimeSpan.FromMilliseconds(999)) { Instruction = "x" }.Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].Interval");
    }

    [Fact]
    public void Validate_OneSecondInterval_Passes()
    {
        var act = () => new TimerTrigger(TimeSpan.FromSeconds(1)) { Instruction = "x" }.Validate("Triggers[0]");

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_NegativeMinMessages_NamesMinMessages()
    {
        var act = () => new TimerTrigger(TimeSpan.FromMinutes(1)) { Instruction = "x", MinMessages = -1 }.Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].MinMessages");
    }

    [Fact]
    public void Validate_NeitherInstructionNorHandler_NamesInstruction()
    {
        var act = () => new TimerTrigger(TimeSpan.FromMinutes(1)).Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].Instruction");
    }

    [Fact]
    public void Validate_HandlerWithoutInstruction_Passes()
    {
        var act = () => new TimerTrigger(TimeSpan.FromMinutes(1)) { Handler = (_, _) => ValueTask.FromResult<string?>("hi") }.Validate("Triggers[0]");

        act.Should().NotThrow();
    }

    private static TimerElapsed Tick(TimerTrigger trigger, int messages) =>
        new() { Platform = ChatPlatform.Twitch, Channel = "c", Timer = trigger.Name, MessagesSinceLastTick = messages, Timestamp = Start };
}
