using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Filters;

public sealed class AiDisclaimerFilterTests
{
    private readonly AiDisclaimerFilter _filter = new();

    [Theory]
    [InlineData("As an AI, I don't have favourites. But Celeste is a classic!", "But Celeste is a classic!")]
    [InlineData("Great question! As a language model I can't play games. Try Hades.", "Great question! Try Hades.")]
    [InlineData("I'm just an AI, but that boss looked hard.  GG though!", "GG though!")]
    [InlineData("Hi! I am an AI language model created to help.", "Hi!")]
    [InlineData("Well, as an artificial intelligence I can't see the stream. Chat says it was epic!", "Chat says it was epic!")]
    [InlineData("Sure. As a large language model, I lack eyes… The run looked clean.", "Sure. The run looked clean.")]
    [InlineData("Im a chatbot lol. Anyway hi", "Anyway hi")]
    public void Apply_DisclaimerSentence_DroppedRestKept(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Theory]
    [InlineData("As an AI, I have no opinion.")]
    [InlineData("As an AI language model, I cannot do that. I'm only an AI after all!")]
    public void Apply_OnlyDisclaimers_RejectsEmpty(string input) =>
        _filter.Rejection(input).Should().Be("empty");

    [Theory]
    [InlineData("AI is taking over the speedrun scene.")]
    [InlineData("I think an AI would beat this level. As a speedrunner, I disagree.")]
    [InlineData("Ask me as an AI enthusiast would.")]
    [InlineData("The version 3.5 patch is out")]
    public void Apply_NoDisclaimer_ReturnsSameInstance(string input) =>
        _filter.Kept(input).Should().BeSameAs(input);
}
