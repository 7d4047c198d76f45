using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Filters;

public sealed class ControlCharacterFilterTests
{
    private readonly ControlCharacterFilter _filter = new();

    [Theory]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("tab\there\r\nand\u0007bell", "tab here and bell")]
    [InlineData("  many    spaces   ", "many spaces")]
    [InlineData("a\u00A0\u2028b", "a b")]
    [InlineData("\n\n\nhello\n\n", "hello")]
    public void Apply_ControlsAndWhiteSpace_BecomeSingleSpaces(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Fact]
    public void Apply_LoneSurrogates_BecomeReplacementCharacter()
    {
        _filter.Kept("bad \uD800 high and \uDC00 low").Should().Be("bad \uFFFD high and \uFFFD low");
    }

    [Fact]
    public void Apply_SurrogatePairAndEmoji_Kept()
    {
        _filter.Kept("gg \U0001F389 wp").Should().Be("gg \U0001F389 wp");
    }

    [Fact]
    public void Apply_CleanText_ReturnsSameInstance()
    {
        var text = "already clean, nothing to do";
        _filter.Kept(text).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r ")]
    [InlineData("\u0000\u0001")]
    public void Apply_NothingLeft_RejectsEmpty(string input) =>
        _filter.Rejection(input).Should().Be("empty");

    [Fact]
    public void Apply_LargeNoisyText_DoesNotThrow()
    {
        var text = string.Concat(Enumerable.Repeat("ab\u0000\n \uD800", 20_000));
        var result = _filter.Kept(text);
        result.Should().NotContain("\n").And.NotContain("  ").And.NotContain("\0");
    }
}
