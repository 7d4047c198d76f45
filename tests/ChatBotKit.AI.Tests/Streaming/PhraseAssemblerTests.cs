using ChatBotKit.Streaming;

namespace ChatBotKit.AI.Tests.Streaming;

public sealed class PhraseAssemblerTests
{
    private static List<string> Run(PhraseBufferOptions? options, params string[] tokens)
    {
        var assembler = new PhraseAssembler(options);
        var phrases = new List<string>();
        foreach (var token in tokens)
        {
            assembler.Append(token, phrases);
        }

        if (assembler.Flush() is { } rest)
        {
            phrases.Add(rest);
        }

        return phrases;
    }

    [Fact]
    public void Append_SentenceEnds_CutsAtEachAsSoonAsItArrives()
    {
        var assembler = new PhraseAssembler();
        var phrases = new List<string>();

        assembler.Append("Hello", phrases);
        assembler.Append(" there", phrases);
        phrases.Should().BeEmpty();
        assembler.Append("!", phrases);

        phrases.Should().Equal("Hello there!");
        assembler.HasPending.Should().BeFalse();
    }

    [Fact]
    public void Append_SeveralSentencesInOneToken_EmitsEach()
    {
        Run(null, "One. Two? Three! Four").Should().Equal("One.", "Two?", "Three!", "Four");
    }

    [Theory]
    [InlineData("and")]
    [InlineData("but")]
    [InlineData("so")]
    [InlineData("then")]
    public void Append_CommaBeforePauseWord_CutsAtTheComma(string word)
    {
        Run(null, "I tried the jump", ",", $" {word}", " it worked").Should().Equal("I tried the jump,", $"{word} it worked");
    }

    [Fact]
    public void Append_CommaBeforeOtherWord_DoesNotCut()
    {
        Run(null, "red, andesite, blue").Should().Equal("red, andesite, blue");
    }

    [Fact]
    public void Append_DecimalNumber_IsNotASentenceEnd()
    {
        Run(null, "Version 3", ".", "5 is out", ".").Should().Equal("Version 3.5 is out.");
    }

    [Fact]
    public void Append_Ellipsis_CutsOnceAfterTheLastDot()
    {
        Run(null, "Well... maybe").Should().Equal("Well...", "maybe");
    }

    [Fact]
    public void Append_MaxTokensReached_EmitsWithoutBoundary()
    {
        var options = new PhraseBufferOptions { MaxTokens = 3 };

        Run(options, "a", " b", " c", " d", " e").Should().Equal("a b c", "d e");
    }

    [Fact]
    public void Append_ThinkBlockSplitAcrossTokens_IsNeverEmitted()
    {
        Run(null, "<th", "ink>I should greet. Secret plan!</thi", "nk>", "Hi chat. ", "Welcome!")
            .Should().Equal("Hi chat.", "Welcome!");
    }

    [Fact]
    public void Append_LessThanThatIsNotATag_IsKept()
    {
        Run(null, "3 <", " 4 and <b>bold</b>.").Should().Equal("3 < 4 and <b>bold</b>.");
    }

    [Fact]
    public void Append_UnclosedThinkBlock_EmitsNothing()
    {
        Run(null, "<think>", "still thinking. about it.").Should().BeEmpty();
    }
}
