using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

public class TagValueTests
{
    [Theory]
    [InlineData(@"plain", "plain")]
    [InlineData(@"a\sb", "a b")]
    [InlineData(@"semi\:colon", "semi;colon")]
    [InlineData(@"back\\slash", @"back\slash")]
    [InlineData(@"cr\rlf\n", "cr\rlf\n")]
    [InlineData(@"other\T", "otherT")]
    [InlineData(@"trailing\", "trailing")]
    [InlineData("", "")]
    public void Unescape_EscapedValue_GivesText(string raw, string expected) => TagValue.Unescape(raw).Should().Be(expected);

    [Theory]
    [InlineData("a b;c\\d\r\n")]
    [InlineData("nothing to escape")]
    public void Escape_ThenUnescape_RoundTrips(string text) => TagValue.Unescape(TagValue.Escape(text)).Should().Be(text);
}
