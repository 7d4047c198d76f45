using ChatBotKit.Filters;
using static ChatBotKit.Tests.Filters.FilterContexts;

namespace ChatBotKit.Tests.Filters;

public sealed class NamePrefixFilterTests
{
    private readonly NamePrefixFilter _filter = new();
    private readonly ResponseFilterContext _context = FilterContext(name: "kit", aliases: ["KitBot", "Mr Kit"]);

    [Theory]
    [InlineData("kit: hello chat", "hello chat")]
    [InlineData("Kit:hello chat", "hello chat")]
    [InlineData("@kit: hello chat", "hello chat")]
    [InlineData("**kit**: hello chat", "hello chat")]
    [InlineData("**Kit:** hello chat", "hello chat")]
    [InlineData("*kit*: hello chat", "hello chat")]
    [InlineData("kit - hello chat", "hello chat")]
    [InlineData("KIT \u2014 hello chat", "hello chat")]
    [InlineData("  kit : hello chat", "hello chat")]
    public void Apply_EchoedLabel_Stripped(string input, string expected) =>
        _filter.Kept(input, _context).Should().Be(expected);

    [Theory]
    [InlineData("kitbot: hi", "hi")]
    [InlineData("@KITBOT - hi", "hi")]
    [InlineData("Mr Kit: hi", "hi")]
    public void Apply_AliasLabel_Stripped(string input, string expected) =>
        _filter.Kept(input, _context).Should().Be(expected);

    [Fact]
    public void Apply_RepeatedLabels_AllStripped()
    {
        _filter.Kept("kit: KitBot: @kit - hey", _context).Should().Be("hey");
    }

    [Theory]
    [InlineData("kit is here to help")]
    [InlineData("kit-chan says hi")]
    [InlineData("kitten: so cute")]
    [InlineData("Kit's opinion: yes")]
    [InlineData("hello kit: you there?")]
    [InlineData("alice: not my name")]
    public void Apply_NoLabel_ReturnsSameInstance(string input) =>
        _filter.Kept(input, _context).Should().BeSameAs(input);

    [Theory]
    [InlineData("kit:")]
    [InlineData("**kit**:   ")]
    [InlineData("kit: kitbot -")]
    public void Apply_OnlyLabel_RejectsEmpty(string input) =>
        _filter.Rejection(input, _context).Should().Be("empty");
}
