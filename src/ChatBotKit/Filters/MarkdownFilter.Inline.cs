namespace ChatBotKit.Filters;

public sealed partial class MarkdownFilter
{
    /// <summary>
    /// Copies one line into <paramref name="buffer"/>, replacing code spans, links, images,
    /// autolinks and escapes; code, addresses and escaped characters are marked literal.
    /// </summary>
    private static void ScanInline(ReadOnlySpan<char> line, MarkdownBuffer buffer)
    {
        var closeBracket = -1;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            int next;
            if (c == '\\' && i + 1 < line.Length && IsAsciiPunctuation(line[i + 1]))
            {
                buffer.Append(line[i + 1], literal: true);
                next = i + 2;
            }
            else if (c == '`')
            {
                next = CodeSpan(line, i, buffer);
            }
            else if (c == '[' || (c == '!' && i + 1 < line.Length && line[i + 1] == '['))
            {
                var open = c == '[' ? i : i + 1;
                if (closeBracket <= open)
                {
                    // The first ']' after the '['; searched again only once passed, so "[[[[" stays linear.
                    var found = IndexFrom(line, ']', open + 1);
                    closeBracket = found < 0 ? int.MaxValue : found;
                }

                next = closeBracket == int.MaxValue ? -1 : Link(line, open, closeBracket, image: c == '!', buffer);
            }
            else if (c == '<')
            {
                next = Autolink(line, i, buffer);
            }
            else if (c is 'h' or 'H' or 'w' or 'W' && (i == 0 || !char.IsLetterOrDigit(line[i - 1])))
            {
                next = BareUrl(line, i, buffer);
            }
            else
            {
                next = -1;
            }

            if (next < 0)
            {
                buffer.Append(c);
                next = i + 1;
            }

            i = next;
        }
    }

    /// <summary>A code span from the backtick run at <paramref name="start"/>; an unmatched run stays as it is.</summary>
    private static int CodeSpan(ReadOnlySpan<char> line, int start, MarkdownBuffer buffer)
    {
        var length = line[start..].Length - line[start..].TrimStart('`').Length;
        var search = start + length;
        while (search < line.Length)
        {
            var found = IndexFrom(line, '`', search);
            if (found < 0)
            {
                break;
            }

            var run = line[found..].Length - line[found..].TrimStart('`').Length;
            if (run == length)
            {
                var code = line[(start + length)..found];
                if (code.Length >= 2 && code[0] == ' ' && code[^1] == ' ' && !code.IsWhiteSpace())
                {
                    code = code[1..^1];
                }

                buffer.Append(code, literal: true);
                return found + run;
            }

            search = found + run;
        }

        buffer.Append(line.Slice(start, length), literal: true);
        return start + length;
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int from)
    {
        while (from < line.Length && line[from] is ' ' or '\t')
        {
            from++;
        }

        return from;
    }

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    /// <summary>Like <see cref="IndexFrom"/>, but looks no further than <see cref="MaxUrlLength"/> characters.</summary>
    private static int IndexWithin(ReadOnlySpan<char> line, char value, int from) =>
        IndexFrom(line[..Math.Min(line.Length, from + MaxUrlLength)], value, from);

    private static int IndexFrom(ReadOnlySpan<char> line, char value, int from)
    {
        if (from >= line.Length)
        {
            return -1;
        }

        var found = line[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }
}
