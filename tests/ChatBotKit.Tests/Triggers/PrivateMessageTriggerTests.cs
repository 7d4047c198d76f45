using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class PrivateMessageTriggerTests
{
    private readonly PrivateMessageTrigger _trigger = new();

    [Fact]
    public void Matches_PrivateMessage_ReturnsTrue() =>
        _trigger.Matches(For(Message("alice", "psst", kind: MessageKind.Private))).Should().BeTrue();

    [Theory]
    [InlineData(MessageKind.Public)]
    [InlineData(MessageKind.Action)]
    public void Matches_ChannelMessage_ReturnsFalse(MessageKind kind) =>
        _trigger.Matches(For(Message("alice", "hey kit", kind: kind))).Should().BeFalse();

    [Fact]
    public void Matches_NonMessageEvent_ReturnsFalse() =>
        _trigger.Matches(For(Media("song"))).Should().BeFalse();
}
