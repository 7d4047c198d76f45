namespace ChatBotKit.Filters;

public sealed partial class MarkdownFilter
{
    /// <summary>
    /// Chat is one line, so a header or list item that does not end in punctuation gets some
    /// before the line break turns into a space: a header <c>:</c> (unless it is the last line),
    /// a list item <c>,</c> when another item follows and <c>.</c> when the list ends.
    /// </summary>
    private static void Punctuate(MarkdownBuffer buffer, LineKind line, LineKind next)
    {
        if (line == LineKind.Text || (line == LineKind.Header && next == LineKind.End) || EndsInPunctuation(buffer))
        {
            return;
        }

        buffer.Append(line == LineKind.Header ? ':' : next == LineKind.ListItem ? ',' : '.');
    }

    /// <summary>Whether the text so far ends in punctuation, looking past closing emphasis, quotes and brackets.</summary>
    private static bool EndsInPunctuation(MarkdownBuffer buffer)
    {
        var chars = buffer.Chars;
        var i = chars.Length - 1;
        while (i >= 0 && chars[i] is '*' or '_' or '~' or '"' or '\'' or ')' or '\u201D' or '\u2019')
        {
            i--;
        }

        return i < 0 || chars[i] is '.' or '!' or '?' or '\u2026' or ':' or ';' or ',';
    }

    /// <summary>What a line was before its markers were removed.</summary>
    private enum LineKind
    {
        Text,
        Header,
        ListItem,

        /// <summary>Past the last line.</summary>
        End,
    }
}
