using ChatBotKit.Triggers;

namespace ChatBotKit.Tests.Triggers;

public sealed class WordMatcherTests
{
    [Theory]
    [InlineData("kit", "kit")]
    [InlineData("a kit b", "KIT")]
    [InlineData("kitkat kit", "kit")]
    [InlineData("-kit-", "kit")]
    [InlineData("ends with kit", "kit")]
    [InlineData("good  game? good game!", "good game")]
    public void ContainsWord_WholeWord_ReturnsTrue(string text, string word) =>
        WordMatcher.ContainsWord(text, word).Should().BeTrue();

    [Theory]
    [InlineData("kitkat", "kit")]
    [InlineData("_kit", "kit")]
    [InlineData("kit9", "kit")]
    [InlineData("ki", "kit")]
    [InlineData("", "kit")]
    [InlineData("kit", "")]
    [InlineData("good  game", "good game")]
    public void ContainsWord_NoWholeWord_ReturnsFalse(string text, string word) =>
        WordMatcher.ContainsWord(text, word).Should().BeFalse();
}
