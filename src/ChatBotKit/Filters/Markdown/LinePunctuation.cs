using System.Text;

namespace ChatBotKit.Filters.Markdown;

/// <summary>
/// Chat is one line, so a header or list item that does not end in punctuation gets some
/// before the line break turns into a space: a header <c>:</c> (unless it is the last line),
/// a list item <c>,</c> when another item follows and <c>.</c> when the list ends.
/// </summary>
internal static class LinePunctuation
{
    public static void Append(StringBuilder output, LineKind line, LineKind next)
    {
        if (line == LineKind.Text || (line == LineKind.Header && next == LineKind.End) || EndsInPunctuation(output))
        {
            return;
        }

        output.Append(line == LineKind.Header ? ':' : next == LineKind.ListItem ? ',' : '.');
    }

    /// <summary>Whether the text so far ends in punctuation, looking past closing quotes, brackets and stray markers.</summary>
    private static bool EndsInPunctuation(StringBuilder output)
    {
        var i = output.Length - 1;
        while (i >= 0 && output[i] is '*' or '_' or '~' or '"' or '\'' or ')' or '\u201D' or '\u2019')
        {
            i--;
        }

        return i < 0 || output[i] is '.' or '!' or '?' or '\u2026' or ':' or ';' or ',';
    }
}
