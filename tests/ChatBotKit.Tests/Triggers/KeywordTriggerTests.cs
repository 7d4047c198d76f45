using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class KeywordTriggerTests
{
    private readonly KeywordTrigger _trigger = new("pizza", "good game");

    [Theory]
    [InlineData("I want pizza")]
    [InlineData("PIZZA!")]
    [InlineData("pizza, please")]
    [InlineData("that was a good game")]
    [InlineData("Good Game everyone")]
    [InlineData("good game!!")]
    public void Matches_KeywordOrPhraseAsWholeWords_ReturnsTrue(string text) =>
        _trigger.Matches(For(Message("alice", text))).Should().BeTrue();

    [Theory]
    [InlineData("pizzas are great")]
    [InlineData("pepperonipizza")]
    [InlineData("goodgame")]
    [InlineData("good games")]
    [InlineData("a good gamer")]
    [InlineData("good and game")]
    public void Matches_KeywordOnlyInsideOtherWords_ReturnsFalse(string text) =>
        _trigger.Matches(For(Message("alice", text))).Should().BeFalse();

    [Fact]
    public void Matches_PrivateMessage_ReturnsFalse() =>
        _trigger.Matches(For(Message("alice", "pizza", kind: MessageKind.Private))).Should().BeFalse();

    [Fact]
    public void Matches_NonMessageEvent_ReturnsFalse() =>
        _trigger.Matches(For(Media("pizza"))).Should().BeFalse();

    [Fact]
    public void Validate_NoKeywords_NamesKeywords()
    {
        var act = () => new KeywordTrigger().Validate("Triggers[1]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[1].Keywords");
    }

    [Fact]
    public void Validate_EmptyKeyword_NamesItsIndex()
    {
        var act = () => new KeywordTrigger("pizza", " ").Validate("Triggers[1]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[1].Keywords[1]");
    }
}
