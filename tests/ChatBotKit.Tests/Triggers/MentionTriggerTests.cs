using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class MentionTriggerTests
{
    private readonly MentionTrigger _trigger = new();

    [Theory]
    [InlineData("hey kit how are you")]
    [InlineData("hey @kit")]
    [InlineData("KIT?")]
    [InlineData("@Kit hello")]
    [InlineData("kit, what's up")]
    [InlineData("(kit) is here")]
    [InlineData("thanks kit!")]
    [InlineData("kit")]
    [InlineData("kit's answer")]
    [InlineData("kitten says hi to kit")]
    public void Matches_BotNameAsWholeWord_ReturnsTrue(string text) =>
        _trigger.Matches(For(Message("alice", text))).Should().BeTrue();

    [Theory]
    [InlineData("look at that kitten")]
    [InlineData("nice skit")]
    [InlineData("kit_bot is another bot")]
    [InlineData("kit2 is here")]
    [InlineData("kitä")]
    [InlineData("no names here")]
    public void Matches_NameOnlyInsideAnotherWord_ReturnsFalse(string text) =>
        _trigger.Matches(For(Message("alice", text))).Should().BeFalse();

    [Theory]
    [InlineData("hi kitty bot")]
    [InlineData("Kitty Bot, tell a joke")]
    [InlineData("@kb hello")]
    [InlineData("what do you think, KB?")]
    public void Matches_Alias_ReturnsTrue(string text) =>
        _trigger.Matches(For(Message("alice", text))).Should().BeTrue();

    [Theory]
    [InlineData("kitty botanist")]
    [InlineData("kbd shortcuts")]
    public void Matches_AliasInsideAnotherWord_ReturnsFalse(string text) =>
        _trigger.Matches(For(Message("alice", text))).Should().BeFalse();

    [Fact]
    public void Matches_AliasOfAnotherBot_ReturnsFalse() =>
        _trigger.Matches(For(Message("alice", "hi kb"), bot: new BotIdentity("kit"))).Should().BeFalse();

    [Fact]
    public void Matches_PrivateMessageNamingBot_ReturnsFalse() =>
        _trigger.Matches(For(Message("alice", "hey kit", kind: MessageKind.Private))).Should().BeFalse();

    [Fact]
    public void Matches_ActionNamingBot_ReturnsTrue() =>
        _trigger.Matches(For(Message("alice", "waves at kit", kind: MessageKind.Action))).Should().BeTrue();

    [Fact]
    public void Matches_NonMessageEvent_ReturnsFalse() =>
        _trigger.Matches(For(Media("kit"))).Should().BeFalse();

    [Fact]
    public void Name_NotSet_IsKind() =>
        _trigger.Name.Should().Be("mention").And.Be(_trigger.Kind);
}
