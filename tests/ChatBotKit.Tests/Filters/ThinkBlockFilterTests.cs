using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Filters;

public sealed class ThinkBlockFilterTests
{
    private readonly ThinkBlockFilter _filter = new();

    [Theory]
    [InlineData("<think>they said hi, I should greet</think>Hello there!", "Hello there!")]
    [InlineData("<THINK>shout</Think> Hi", "Hi")]
    [InlineData("Before <think>a</think>middle<think>b</think> after", "Before middle after")]
    [InlineData("<think>\nmulti\nline\n</think>\n\nAnswer", "Answer")]
    public void Apply_ClosedBlocks_Removed(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Fact]
    public void Apply_UnclosedBlock_RemovesEverythingAfterIt()
    {
        _filter.Kept("Sure thing! <think>wait, maybe I should not").Should().Be("Sure thing!");
    }

    [Fact]
    public void Apply_StrayCloser_RemovesEverythingBeforeIt()
    {
        _filter.Kept("the user wants a joke, keep it short</think>Why did the chicken cross the road?")
            .Should().Be("Why did the chicken cross the road?");
    }

    [Fact]
    public void Apply_NoTags_ReturnsSameInstance()
    {
        var text = "I think this is fine <thinking about it> not a tag";
        _filter.Kept(text).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("<think>only reasoning</think>")]
    [InlineData("<think>never closed")]
    [InlineData("  <think>a</think>  <think>b</think> ")]
    public void Apply_OnlyReasoning_RejectsEmpty(string input) =>
        _filter.Rejection(input).Should().Be("empty");

    [Fact]
    public void Apply_ManyStrayClosers_KeepsTextAfterLast()
    {
        var text = string.Concat(Enumerable.Repeat("x</think>", 20_000)) + "end";
        _filter.Kept(text).Should().Be("end");
    }
}
