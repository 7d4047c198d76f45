using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Filters;

public sealed class SubstanceFilterTests
{
    private readonly SubstanceFilter _filter = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Apply_Blank_RejectsEmpty(string input) =>
        _filter.Rejection(input).Should().Be("empty");

    [Theory]
    [InlineData("...")]
    [InlineData("\u2026")]
    [InlineData("?!")]
    [InlineData("- - -")]
    [InlineData("*...*")]
    [InlineData("\uFFFD")]
    [InlineData("*silence*")]
    [InlineData("silence.")]
    [InlineData("*stays quiet*")]
    [InlineData("stays quiet")]
    [InlineData("*kit stays silent*")]
    [InlineData("_remains silent_")]
    [InlineData("(no response)")]
    [InlineData("[No reply.]")]
    [InlineData("<silence>")]
    [InlineData("N/A")]
    [InlineData("none")]
    [InlineData("(awkward silence)")]
    [InlineData("*doesn't respond*")]
    [InlineData("[no response needed]")]
    public void Apply_NothingToSay_RejectsNonSubstantive(string input) =>
        _filter.Rejection(input).Should().Be("non-substantive");

    [Theory]
    [InlineData("\U0001F389\U0001F389")]
    [InlineData("\u2764\uFE0F")]
    [InlineData("ok")]
    [InlineData("<3")]
    [InlineData("*waves* hi chat")]
    [InlineData("silence is golden, but GG")]
    [InlineData("none of the bosses are hard")]
    [InlineData("the crowd falls silent when the final boss appears and everyone holds their breath")]
    [InlineData("\u4F60\u597D")]
    public void Apply_RealContent_Kept(string input) =>
        _filter.Kept(input).Should().BeSameAs(input);
}
