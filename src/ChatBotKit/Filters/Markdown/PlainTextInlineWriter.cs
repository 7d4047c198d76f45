using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace ChatBotKit.Filters.Markdown;

/// <summary>
/// Writes a paragraph's or header's inlines as text: emphasis markers and task boxes go, code and
/// escaped characters stay as written, links become <c>text (url)</c> or <c>text</c> and images their
/// alt text. Emphasis with <c>*</c> inside a word (<c>2*3*4</c>) keeps its markers.
/// </summary>
internal sealed class PlainTextInlineWriter(StringBuilder output, Action lineBroken)
{
    public void Write(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            Write(inline);
        }
    }

    private void Write(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                output.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                output.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                output.Append(entity.Original.AsSpan());
                break;
            case AutolinkInline autolink:
                output.Append(autolink.Url);
                break;
            case LineBreakInline:
                output.Append('\n');
                lineBroken();
                break;
            case EmphasisInline emphasis:
                WriteEmphasis(emphasis);
                break;
            case LinkInline link:
                WriteLink(link);
                break;
            case TaskList:
                break;
            case ContainerInline container:
                Write(container);
                break;
        }
    }

    private void WriteEmphasis(EmphasisInline emphasis)
    {
        var before = output.Length > 0 ? output[^1] : ' ';
        var after = emphasis.NextSibling is LiteralInline { Content.Length: > 0 } next ? next.Content[next.Content.Start] : ' ';
        var inWord = char.IsLetterOrDigit(before) || char.IsLetterOrDigit(after);
        if (inWord)
        {
            output.Append(emphasis.DelimiterChar, emphasis.DelimiterCount);
        }

        Write((ContainerInline)emphasis);
        if (inWord)
        {
            output.Append(emphasis.DelimiterChar, emphasis.DelimiterCount);
        }
    }

    /// <summary>An image is its alt text, a bare address its text; a link adds its address unless the text is the address.</summary>
    private void WriteLink(LinkInline link)
    {
        var start = output.Length;
        Write((ContainerInline)link);
        var url = link.Url ?? "";
        if (link.IsImage || link.IsAutoLink || url.Length == 0)
        {
            return;
        }

        var text = output.ToString(start, output.Length - start).Trim();
        if (text.Length == 0)
        {
            output.Length = start;
            output.Append(url);
        }
        else if (!LinkAddress.IsSame(text, url))
        {
            output.Append(" (").Append(url).Append(')');
        }
    }
}
