using ChatBotKit.Filters;
using static ChatBotKit.Tests.Filters.FilterContexts;

namespace ChatBotKit.Tests.Filters;

public sealed class MaxLengthFilterTests
{
    private const string Emoji = "\U0001F389";

    [Fact]
    public void Apply_FitsExactly_ReturnsSameInstance()
    {
        var text = new string('a', 20);
        new MaxLengthFilter(LongReplyMode.Cut).Kept(text, FilterContext(maxLength: 20)).Should().BeSameAs(text);
        new MaxLengthFilter(LongReplyMode.Split).Kept(text, FilterContext(maxLength: 20)).Should().BeSameAs(text);
    }

    [Fact]
    public void Apply_CutOneOver_CutsAtLastWordWithEllipsis()
    {
        // 21 characters, limit 20: "hello big wide" + "…" is 15; "hello big wide world" + "…" would be 21.
        new MaxLengthFilter(LongReplyMode.Cut).Kept("hello big wide world!", FilterContext(maxLength: 20))
            .Should().Be("hello big wide\u2026");
    }

    [Theory]
    [InlineData("one two three four five six", 14, "one two three\u2026")]
    [InlineData("one two three four five six", 13, "one two\u2026")]
    [InlineData("Short one. Second sentence here", 16, "Short one\u2026")]
    [InlineData("wait, what is this", 8, "wait\u2026")]
    public void Apply_Cut_ResultFitsAndEndsAtWord(string input, int limit, string expected)
    {
        var result = new MaxLengthFilter(LongReplyMode.Cut).Kept(input, FilterContext(maxLength: limit));
        result.Should().Be(expected);
        result.Length.Should().BeLessThanOrEqualTo(limit);
    }

    [Fact]
    public void Apply_SplitAtSentences_PacksWholeSentencesGreedily()
    {
        var text = "First sentence here. Second one! Third one? Fourth and last.";
        var result = new MaxLengthFilter(LongReplyMode.Split, maxParts: 3).Apply(text, FilterContext(maxLength: 35));
        result.Parts.Should().Equal("First sentence here. Second one!", "Third one? Fourth and last.");
    }

    [Fact]
    public void Apply_SplitMoreThanMaxParts_LastPartCutWithEllipsis()
    {
        var text = "Alpha is one. Bravo is two. Charlie is three. Delta is four.";
        var result = new MaxLengthFilter(LongReplyMode.Split, maxParts: 2).Apply(text, FilterContext(maxLength: 20));
        result.Parts.Should().Equal("Alpha is one.", "Bravo is two\u2026");
        result.Parts!.Should().OnlyContain(p => p.Length <= 20);
    }

    [Fact]
    public void Apply_SplitLongSentence_BreaksAtWordAndContinues()
    {
        var text = "this sentence has no full stop and keeps going for a while";
        var result = new MaxLengthFilter(LongReplyMode.Split, maxParts: 5).Apply(text, FilterContext(maxLength: 20));
        result.Parts.Should().Equal("this sentence has no", "full stop and keeps", "going for a while");
    }

    [Fact]
    public void Apply_SplitWithOnePart_BehavesLikeCut()
    {
        var result = new MaxLengthFilter(LongReplyMode.Split, maxParts: 1).Apply("First one. Second one.", FilterContext(maxLength: 12));
        result.Parts.Should().BeNull();
        result.Text.Should().Be("First one\u2026");
    }

    [Fact]
    public void Apply_EllipsisSentenceEnd_CountsAsBoundary()
    {
        var result = new MaxLengthFilter(LongReplyMode.Split).Apply("Well\u2026 that happened. Yes", FilterContext(maxLength: 19));
        result.Parts.Should().Equal("Well\u2026", "that happened. Yes");
    }

    [Theory]
    [InlineData(LongReplyMode.Cut)]
    [InlineData(LongReplyMode.Split)]
    public void Apply_SurrogatePairAtEdge_NotSplit(LongReplyMode mode)
    {
        // 9 'a's, then an emoji at code units 9-10: a cut at 10 would split it.
        var text = new string('a', 9) + string.Concat(Enumerable.Repeat(Emoji, 10));
        var result = new MaxLengthFilter(mode, maxParts: 3).Apply(text, FilterContext(maxLength: 11));
        var parts = result.Parts ?? [result.Text!];
        parts.Should().OnlyContain(p => p.Length <= 11);
        foreach (var part in parts)
        {
            char.IsHighSurrogate(part[^1]).Should().BeFalse();
            char.IsLowSurrogate(part[0]).Should().BeFalse();
        }

        parts[0].Should().StartWith(new string('a', 9));
    }

    [Fact]
    public void Apply_SplitHardBreakBeforeSurrogatePair_KeepsPairWhole()
    {
        var text = "abc" + Emoji + "def";
        var result = new MaxLengthFilter(LongReplyMode.Split, maxParts: 3).Apply(text, FilterContext(maxLength: 4));
        result.Parts.Should().Equal("abc", Emoji + "de", "f");
    }

    [Theory]
    [InlineData(LongReplyMode.Cut)]
    [InlineData(LongReplyMode.Split)]
    public void Apply_Single100KbWord_CutToLimit(LongReplyMode mode)
    {
        var text = new string('x', 100_000);
        var result = new MaxLengthFilter(mode).Apply(text, FilterContext(maxLength: 500));
        var parts = result.Parts ?? [result.Text!];
        parts.Should().OnlyContain(p => p.Length <= 500);
        parts[^1].Should().EndWith("\u2026");
        if (mode == LongReplyMode.Split)
        {
            parts.Should().Equal(new string('x', 500), new string('x', 499) + "\u2026");
        }
    }

    [Fact]
    public void Apply_TinyLimits_NeverThrow()
    {
        foreach (var limit in new[] { -1, 0, 1, 2 })
        {
            foreach (var mode in new[] { LongReplyMode.Cut, LongReplyMode.Split })
            {
                var result = new MaxLengthFilter(mode).Apply(Emoji + " hi there", FilterContext(maxLength: limit));
                if (!result.IsRejected && limit > 0)
                {
                    (result.Parts ?? [result.Text!]).Should().OnlyContain(p => p.Length <= limit);
                }
            }
        }
    }

    [Fact]
    public void Apply_NoLimit_Unchanged()
    {
        var text = new string('y', 1000);
        new MaxLengthFilter().Kept(text, FilterContext(maxLength: 0)).Should().BeSameAs(text);
    }
}
