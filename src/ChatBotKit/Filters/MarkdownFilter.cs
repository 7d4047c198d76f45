using System.Buffers;

namespace ChatBotKit.Filters;

/// <summary>
/// Strips the markdown models produce, since chat shows it literally: bold, italic and
/// strikethrough markers, inline code and fenced code blocks (the code is kept), headers, block
/// quotes, list bullets and numbers, horizontal rules, links (<c>[text](url)</c> becomes
/// <c>text (url)</c>, or just <c>text</c> when the text is the address) and images
/// (<c>![alt](url)</c> becomes <c>alt</c>). Line structure is kept, so run it before
/// <see cref="ControlCharacterFilter"/>. A <c>*</c> or <c>_</c> between letters or digits
/// (<c>snake_case</c>, <c>2*3*4</c>) is left alone. Rejects a reply that is left empty.
/// </summary>
public sealed partial class MarkdownFilter : IResponseFilter
{
    private static readonly SearchValues<char> InlineMarkers = SearchValues.Create("*_`~[<\\#>");

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
        var buffer = new MarkdownBuffer(text.Length);
        var fence = default(Fence);
        var previous = LineKind.Text;
        var newlines = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var content = line.TrimStart(" \t");
            if (fence.IsOpen)
            {
                if (fence.ClosesOn(content))
                {
                    fence = default;
                    continue;
                }

                StartLine(buffer, ref newlines);
                buffer.Append(line, literal: true);
                continue;
            }

            if (Fence.TryOpen(content, out fence))
            {
                Punctuate(buffer, previous, LineKind.Text);
                previous = LineKind.Text;
                continue;
            }

            var kind = LineKind.Text;
            content = IsRule(content) ? [] : StripBlockMarkers(content, out kind);
            if (content.IsEmpty)
            {
                newlines++;
                continue;
            }

            Punctuate(buffer, previous, kind);
            StartLine(buffer, ref newlines);
            ScanInline(content, buffer);
            previous = kind;
        }

        Punctuate(buffer, previous, LineKind.End);
        return RemoveEmphasis(buffer);
    }

    /// <summary>Adds the line breaks owed before a line (none before the first).</summary>
    private static void StartLine(MarkdownBuffer buffer, ref int newlines)
    {
        if (buffer.Length > 0)
        {
            for (var i = 0; i <= newlines; i++)
            {
                buffer.Append('\n');
            }
        }

        newlines = 0;
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

    /// <summary>Removes block quote markers, then a header marker or a list bullet.</summary>
    private static ReadOnlySpan<char> StripBlockMarkers(ReadOnlySpan<char> line, out LineKind kind)
    {
        kind = LineKind.Text;
        // "> " quotes, nested or not; ">.<" and other emoticons are left alone.
        while (line.Length > 0 && line[0] == '>' && (line.Length == 1 || line[1] is ' ' or '\t' or '>'))
        {
            line = line[1..].TrimStart(" \t");
        }

        var hashes = line.Length - line.TrimStart('#').Length;
        if (hashes is >= 1 and <= 6 && (hashes == line.Length || line[hashes] is ' ' or '\t'))
        {
            kind = LineKind.Header;
            line = line[hashes..].Trim(" \t");
            var closing = line.TrimEnd('#');
            return closing.Length == 0 || closing[^1] is ' ' or '\t' ? closing.TrimEnd(" \t") : line;
        }

        if (line.Length >= 2 && line[0] is '-' or '*' or '+' && line[1] is ' ' or '\t')
        {
            kind = LineKind.ListItem;
            line = line[2..].TrimStart(" \t");
            return line.Length >= 3 && line[0] == '[' && line[1] is ' ' or 'x' or 'X' && line[2] == ']' ? line[3..].TrimStart(" \t") : line;
        }

        var digits = line.Length - line.TrimStart("0123456789").Length;
        if (digits is >= 1 and <= 3 && line.Length > digits + 1 && line[digits] is '.' or ')' && line[digits + 1] is ' ' or '\t')
        {
            kind = LineKind.ListItem;
            return line[(digits + 2)..].TrimStart(" \t");
        }

        return line;
    }

    /// <summary>A line of three or more <c>-</c>, <c>*</c>, <c>_</c> or <c>=</c> (spaces allowed): a rule or a setext underline.</summary>
    private static bool IsRule(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd(" \t");
        if (line.Length < 3 || line[0] is not ('-' or '*' or '_' or '='))
        {
            return false;
        }

        var marks = 0;
        foreach (var c in line)
        {
            if (c == line[0])
            {
                marks++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return marks >= 3;
    }

    /// <summary>An open fenced code block: its character and length.</summary>
    private readonly record struct Fence(char Marker, int Length)
    {
        public bool IsOpen => Length > 0;

        public static bool TryOpen(ReadOnlySpan<char> line, out Fence fence)
        {
            fence = default;
            if (line.Length < 3 || line[0] is not ('`' or '~'))
            {
                return false;
            }

            var length = line.Length - line.TrimStart(line[0]).Length;
            if (length < 3 || (line[0] == '`' && line[length..].Contains('`')))
            {
                // "```code```" on one line is a code span, not a fence.
                return false;
            }

            fence = new Fence(line[0], length);
            return true;
        }

        public bool ClosesOn(ReadOnlySpan<char> line)
        {
            var trimmed = line.TrimEnd(" \t");
            var run = trimmed.Length - trimmed.TrimStart(Marker).Length;
            return run >= Length && run == trimmed.Length;
        }
    }
}
