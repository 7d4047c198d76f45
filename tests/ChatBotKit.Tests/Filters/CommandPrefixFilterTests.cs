using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Filters;

public sealed class CommandPrefixFilterTests
{
    private readonly CommandPrefixFilter _filter = new();

    [Theory]
    [InlineData("/ban alice", "ban alice")]
    [InlineData(".clear", "clear")]
    [InlineData("...well, maybe", "well, maybe")]
    [InlineData(" / . /me waves", "me waves")]
    [InlineData("  hello", "hello")]
    public void Apply_LeadingCommandCharacters_Stripped(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Theory]
    [InlineData("hello /ban alice")]
    [InlineData("\u2026and then")]
    [InlineData("3.14 is pi")]
    public void Apply_NoLeadingCommand_ReturnsSameInstance(string input) =>
        _filter.Kept(input).Should().BeSameAs(input);

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData(" ./. ")]
    public void Apply_NothingLeft_RejectsEmpty(string input) =>
        _filter.Rejection(input).Should().Be("empty");

    [Fact]
    public void Chain_AfterSplit_AppliesToEveryPart()
    {
        var chain = new ResponseFilterChain([new MaxLengthFilter(LongReplyMode.Split, maxParts: 3), _filter]);
        var outcome = chain.Apply("/first part here. /second part here. .third part", FilterContexts.FilterContext(maxLength: 20));
        outcome.Messages.Should().Equal("first part here.", "second part here.", "third part");
    }
}
