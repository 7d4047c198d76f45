using System.Buffers;
using ChatBotKit.Filters.Markdown;
using Markdig;
using Markdig.Syntax;

namespace ChatBotKit.Filters;

/// <summary>
/// Strips the markdown models produce, since chat shows it literally: bold, italic and
/// strikethrough markers, inline code and fenced code blocks (the code is kept), headers, block
/// quotes, list bullets and numbers, horizontal rules, links (<c>[text](url)</c> becomes
/// <c>text (url)</c>, or just <c>text</c> when the text is the address) and images
/// (<c>![alt](url)</c> becomes <c>alt</c>). Parsed by Markdig (CommonMark) in pieces of at most
/// 4,096 characters, so any input takes linear time. Line structure is kept, so run it before
/// <see cref="ControlCharacterFilter"/>.
/// A <c>*</c> or <c>_</c> between letters or digits (<c>snake_case</c>, <c>2*3*4</c>) is left
/// alone. Rejects a reply that is left empty.
/// </summary>
public sealed class MarkdownFilter : IResponseFilter
{
    private static readonly SearchValues<char> InlineMarkers = SearchValues.Create("*_`~[<\\#>");
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    /// <inheritdoc />
    public string Name => "markdown";

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        var result = MayContainMarkdown(text) ? Strip(text).Trim() : text.Trim();
        if (result.Length == 0)
        {
            return FilterResult.Reject(FilterReasons.Empty);
        }

        return FilterResult.Keep(result == text ? text : result);
    }

    private static string Strip(string text)
    {
        var renderer = new PlainTextRenderer();
        MarkdownChunks.Split(text, (piece, firstLine, literal) =>
        {
            var document = literal ? null : Parse(piece);
            if (document is null)
            {
                renderer.WriteLiteral(piece, firstLine);
            }
            else
            {
                renderer.Write(document, firstLine);
            }
        });
        return renderer.ToString();
    }

    /// <summary>Parses a piece, or returns null when Markdig finds it nested too deeply to be meant as markdown.</summary>
    private static MarkdownDocument? Parse(string piece)
    {
        try
        {
            return Markdig.Markdown.Parse(piece, Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
            .UseTaskLists()
            .UseAutoLinks()
            .DisableHtml();
        builder.BlockParsers.Replace<Markdig.Parsers.QuoteBlockParser>(new SpacedQuoteBlockParser());
        return builder.Build();
    }

    private static bool MayContainMarkdown(string text)
    {
        if (text.AsSpan().IndexOfAny(InlineMarkers) >= 0)
        {
            return true;
        }

        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var content = line.TrimStart(" \t");
            if (content.Length > 0 && (content[0] is '-' or '+' or '=' || char.IsAsciiDigit(content[0])))
            {
                return true;
            }
        }

        return false;
    }
}
