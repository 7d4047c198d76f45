using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class MediaChangeTriggerTests
{
    private readonly MediaChangeTrigger _trigger = new();

    [Fact]
    public void Matches_MediaChanged_ReturnsTrue() =>
        _trigger.Matches(For(Media("Never Gonna Give You Up"))).Should().BeTrue();

    [Fact]
    public void Matches_ChatMessage_ReturnsFalse() =>
        _trigger.Matches(For(Message("alice", "new song!"))).Should().BeFalse();

    [Fact]
    public void Constructor_NoInstructionGiven_UsesDefaultInstruction()
    {
        _trigger.Instruction.Should().Be(MediaChangeTrigger.DefaultInstruction);
        _trigger.Name.Should().Be("media-change");
    }
}
