using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Filters;

public sealed class MarkdownFilterTests
{
    private readonly MarkdownFilter _filter = new();

    [Theory]
    [InlineData("This is **bold** text", "This is bold text")]
    [InlineData("This is __bold__ text", "This is bold text")]
    [InlineData("This is *italic* text", "This is italic text")]
    [InlineData("This is _italic_ text", "This is italic text")]
    [InlineData("***both*** at once", "both at once")]
    [InlineData("**Note:** it works", "Note: it works")]
    [InlineData("**bold with *italic* inside**", "bold with italic inside")]
    [InlineData("~~wrong~~ right", "wrong right")]
    [InlineData("(**wow**)", "(wow)")]
    public void Apply_Emphasis_MarkersRemoved(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Theory]
    [InlineData("use snake_case_names here")]
    [InlineData("2*3*4 = 24")]
    [InlineData("a * b * c")]
    [InlineData("rated 5 * out of 5")]
    [InlineData("unmatched *star and _under")]
    [InlineData("~5 minutes left")]
    [InlineData(">.< oops")]
    [InlineData("#1 fan of C#")]
    public void Apply_NotMarkdown_Unchanged(string input) =>
        _filter.Kept(input).Should().Be(input);

    [Theory]
    [InlineData("run `dotnet test` now", "run dotnet test now")]
    [InlineData("the `**kwargs` and `__init__` names", "the **kwargs and __init__ names")]
    [InlineData("double ``a ` tick`` span", "double a ` tick span")]
    [InlineData("an ``unmatched run", "an ``unmatched run")]
    [InlineData("```var x = a*b*c;``` on one line", "var x = a*b*c; on one line")]
    public void Apply_InlineCode_KeepsCodeLiteral(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Fact]
    public void Apply_FencedCodeBlock_KeepsCodeDropsFences()
    {
        var reply = "Try this:\n```csharp\nvar x = a*b*c;\nFoo(**args);\n```\nDone.";
        _filter.Kept(reply).Should().Be("Try this:\nvar x = a*b*c;\nFoo(**args);\nDone.");
    }

    [Fact]
    public void Apply_UnclosedFence_KeepsRestAsCode()
    {
        _filter.Kept("Code:\n~~~\n**not bold**").Should().Be("Code:\n**not bold**");
    }

    [Theory]
    [InlineData("# Title", "Title")]
    [InlineData("### Sub title ###", "Sub title")]
    [InlineData("> quoted wisdom", "quoted wisdom")]
    [InlineData("> > nested quote", "nested quote")]
    [InlineData("- first\n- second", "first,\nsecond.")]
    [InlineData("* star item\n+ plus item", "star item,\nplus item.")]
    [InlineData("1. one\n2) two\n10. ten", "one,\ntwo,\nten.")]
    [InlineData("- [x] done task", "done task.")]
    [InlineData("  - indented **item**", "indented item.")]
    [InlineData("Intro\n* * *\nOutro", "Intro\n\nOutro")]
    [InlineData("Heading\n=======\ntext", "Heading\n\ntext")]
    public void Apply_LineStartMarkdown_Removed(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Theory]
    [InlineData("## Top picks\n- **Celeste**\n- Hades!\n\n- *Hollow Knight*\n\nEnjoy", "Top picks:\nCeleste,\nHades!\n\nHollow Knight.\n\nEnjoy")]
    [InlineData("My picks:\n1. Celeste;\n2. Hades\n```\ncode\n```", "My picks:\nCeleste;\nHades.\ncode")]
    [InlineData("# Header\nText", "Header:\nText")]
    public void Apply_ListsAndHeaders_PunctuatedForOneLine(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Theory]
    [InlineData("see [the docs](https://example.com/docs) please", "see the docs (https://example.com/docs) please")]
    [InlineData("[example.com](https://www.example.com/)", "example.com")]
    [InlineData("[https://example.com](https://example.com)", "https://example.com")]
    [InlineData("[](https://example.com)", "https://example.com")]
    [InlineData("[wiki](https://en.wikipedia.org/wiki/Foo_(bar))", "wiki (https://en.wikipedia.org/wiki/Foo_(bar))")]
    [InlineData("[**bold** link](https://x.io \"title\")", "bold link (https://x.io)")]
    [InlineData("![a cute cat](https://img.example/cat.png)", "a cute cat")]
    [InlineData("mail <mailto:me@example.com> or <https://example.com/a_b_c>", "mail mailto:me@example.com or https://example.com/a_b_c")]
    [InlineData("[not a link] and [also](not", "[not a link] and [also](not")]
    public void Apply_LinksAndImages_BecomeText(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Theory]
    [InlineData("go to https://example.com/_private_/x now", "go to https://example.com/_private_/x now")]
    [InlineData("**https://example.com/a_b_**", "https://example.com/a_b_")]
    [InlineData("escaped \\*stars\\* stay", "escaped *stars* stay")]
    public void Apply_UrlsAndEscapes_ProtectedFromEmphasis(string input, string expected) =>
        _filter.Kept(input).Should().Be(expected);

    [Fact]
    public void Apply_PlainText_ReturnsSameInstance()
    {
        var text = "Nothing to strip here, friend.";
        _filter.Kept(text).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("> ")]
    [InlineData("```\n```")]
    [InlineData("---")]
    [InlineData("")]
    public void Apply_OnlyMarkup_RejectsEmpty(string input) =>
        _filter.Rejection(input).Should().Be("empty");

    [Theory]
    [InlineData('*')]
    [InlineData('[')]
    [InlineData('`')]
    [InlineData('<')]
    public void Apply_HugePathologicalText_DoesNotThrow(char marker)
    {
        var text = string.Concat(Enumerable.Repeat($"{marker}a{marker}{marker}(<", 20_000));
        var act = () => _filter.Apply(text, FilterContexts.FilterContext());
        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("*", "*")]
    [InlineData("`", "`")]
    public void Apply_FiftyThousandNestedMarkers_KeepsTextInLinearTime(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 50_000)) + "a" + string.Concat(Enumerable.Repeat(close, 50_000));
        _filter.Kept(text).Should().Be(text);
    }

    [Theory]
    [InlineData("intro\n\n")]
    [InlineData("intro ")]
    [InlineData("")]
    public void Apply_RunLongerThanAPiece_KeptAsItIs(string before)
    {
        var run = new string('*', 5_000);
        _filter.Kept(before + run + " **end**").Should().Be(before + run + " end");
    }

    [Theory]
    [InlineData("[a](b (")]
    [InlineData("a*b_ ")]
    [InlineData("www.a_ ")]
    public void Apply_InputMarkdigParsesInQuadraticTime_ParsedInBoundedPieces(string pattern)
    {
        // 250 KB of each; parsed whole, Markdig takes minutes on these, in pieces well under a second.
        var text = string.Concat(Enumerable.Repeat(pattern, 50_000)) + "end";
        var kept = _filter.Kept(text);
        kept.Should().EndWith("end").And.HaveLength(text.Length, "nothing in these is markdown but a link text would be");
    }
}
