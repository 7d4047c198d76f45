namespace ChatBotKit.Filters.Markdown;

/// <summary>
/// Cuts a reply into pieces Markdig parses one at a time. Markdig's link, autolink and emphasis
/// parsing can take time quadratic in a paragraph's length on hostile input, so no piece is longer
/// than <see cref="MaxLength"/>: a reply is cut at a blank line, else a line break, else a space.
/// A run without white space longer than that is no markdown anyone writes; it stays as it is.
/// </summary>
internal static class MarkdownChunks
{
    public const int MaxLength = 4096;

    /// <summary>Calls <paramref name="write"/> with each piece, the line it starts on and whether it stays literal.</summary>
    public static void Split(string text, Action<string, int, bool> write)
    {
        var line = 0;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.Length;
            var literal = false;
            if (end - start > MaxLength)
            {
                var window = text.AsSpan(start, MaxLength);
                var cut = window.LastIndexOf("\n\n");
                cut = cut > 0 ? cut : window.LastIndexOf('\n');
                cut = cut > 0 ? cut : window.LastIndexOfAny(' ', '\t');
                if (cut > 0)
                {
                    end = start + cut + 1;
                }
                else
                {
                    // The piece may start with the line break of a blank line before the run.
                    var space = text.AsSpan(start + 1).IndexOfAny(" \t\n");
                    end = space < 0 ? text.Length : start + 1 + space;
                    literal = end - start > MaxLength;
                }
            }

            write(text[start..end], line, literal);
            line += text.AsSpan(start, end - start).Count('\n');
            start = end;
        }
    }
}
