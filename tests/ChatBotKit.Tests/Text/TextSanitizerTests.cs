using ChatBotKit.Text;

namespace ChatBotKit.Tests.Text;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("a\r\nb", "a  b")]
    [InlineData("tab\there", "tab here")]
    [InlineData("nul\0bell\a", "nul bell ")]
    [InlineData("del\u007Fc1\u0085", "del c1 ")]
    public void Clean_ControlCharacters_BecomeSpaces(string text, string expected) =>
        TextSanitizer.Clean(text).Should().Be(expected);

    // Lone surrogates cannot live in attribute arguments (metadata strings are UTF-8), so the
    // inputs are spelled with a {XXXX} escape and decoded here.
    [Theory]
    [InlineData("a{D800}b", "a{FFFD}b")]
    [InlineData("a{DC00}b", "a{FFFD}b")]
    [InlineData("end{D83D}", "end{FFFD}")]
    [InlineData("{DE00}start", "{FFFD}start")]
    [InlineData("{DE00}{D83D}", "{FFFD}{FFFD}")]
    [InlineData("{D83D}{D83D}{DE00}", "{FFFD}{D83D}{DE00}")]
    public void Clean_LoneSurrogates_BecomeReplacementCharacter(string text, string expected) =>
        TextSanitizer.Clean(Decode(text)).Should().Be(Decode(expected));

    [Fact]
    public void Clean_ValidSurrogatePairs_Kept()
    {
        const string text = "gg \U0001F600 \U0001F3AE";

        TextSanitizer.Clean(text).Should().BeSameAs(text);
    }

    [Fact]
    public void Clean_CleanText_ReturnsTheSameInstance()
    {
        var text = new string('x', 10) + " héllo ünïcode";

        TextSanitizer.Clean(text).Should().BeSameAs(text);
        TextSanitizer.Clean(text, text.Length).Should().BeSameAs(text);
        TextSanitizer.Clean(text, 1000).Should().BeSameAs(text);
    }

    [Fact]
    public void Clean_LongerThanMax_Truncated() =>
        TextSanitizer.Clean("abcdef", 4).Should().Be("abcd");

    [Fact]
    public void Clean_CutWouldSplitAPair_CutsBeforeThePair()
    {
        const string text = "ab\U0001F600cd";

        TextSanitizer.Clean(text, 3).Should().Be("ab");
        TextSanitizer.Clean(text, 4).Should().Be("ab\U0001F600");
    }

    [Fact]
    public void Clean_AnyCut_NeverLeavesALoneSurrogate()
    {
        var text = string.Concat(Enumerable.Repeat("a\U0001F600", 20));
        for (var max = 0; max <= text.Length; max++)
        {
            var cleaned = TextSanitizer.Clean(text, max);

            cleaned.Length.Should().BeLessThanOrEqualTo(max);
            cleaned.Should().NotContain("\uFFFD");
            for (var i = 0; i < cleaned.Length; i++)
            {
                if (char.IsHighSurrogate(cleaned[i]))
                {
                    char.IsLowSurrogate(cleaned[++i]).Should().BeTrue();
                }
                else
                {
                    char.IsLowSurrogate(cleaned[i]).Should().BeFalse();
                }
            }
        }
    }

    [Fact]
    public void Clean_ZeroMax_ReturnsEmpty() =>
        TextSanitizer.Clean("abc", 0).Should().BeEmpty();

    [Fact]
    public void Clean_Null_Throws()
    {
        var act = () => TextSanitizer.Clean(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    private static string Decode(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            text,
            "{([0-9A-F]{4})}",
            m => ((char)int.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)).ToString());
}
