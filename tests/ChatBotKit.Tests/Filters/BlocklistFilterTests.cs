using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Filters;

public sealed class BlocklistFilterTests
{
    [Theory]
    [InlineData("what an ass", "blocked-word")]
    [InlineData("ASS!", "blocked-word")]
    [InlineData("the ending is a big spoiler, sorry", "blocked-word")]
    [InlineData("he dies at the end", "blocked-word")]
    [InlineData("join my discord.gg/abc now", "blocked-pattern")]
    [InlineData("JOIN MY DISCORD.GG/ABC", "blocked-pattern")]
    public void Apply_BlockedContent_Rejected(string input, string reason)
    {
        var filter = new BlocklistFilter(["ass", " Spoiler ", "dies at the end"], [@"discord\.gg/\w+"]);
        filter.Rejection(input).Should().Be(reason);
    }

    [Theory]
    [InlineData("that was a classy move")]
    [InlineData("bypass the boss")]
    [InlineData("assistant mode on")]
    [InlineData("spoilers are banned")]
    [InlineData("discord dot gg")]
    public void Apply_WordInsideOtherWord_Kept(string input)
    {
        var filter = new BlocklistFilter(["ass", "spoiler"], [@"discord\.gg/\w+"]);
        filter.Kept(input).Should().BeSameAs(input);
    }

    [Fact]
    public void Apply_PatternTimesOut_CountsAsMatch()
    {
        var filter = new BlocklistFilter([], [@"^(\w+\s?)*$"], TimeSpan.FromMilliseconds(1));
        var evil = new string('a', 5_000) + "!";
        filter.Rejection(evil).Should().Be("blocked-pattern");
    }

    [Fact]
    public void Constructor_InvalidPattern_NamesSetting()
    {
        var act = () => new BlocklistFilter([], ["fine", "(unclosed"]);
        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Filters.BlockedPatterns[1]");
    }

    [Fact]
    public void Constructor_EmptyWords_Ignored()
    {
        var filter = new BlocklistFilter(["", "  "], []);
        filter.Kept("anything at all").Should().Be("anything at all");
    }
}
