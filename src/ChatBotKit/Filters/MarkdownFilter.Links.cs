namespace ChatBotKit.Filters;

public sealed partial class MarkdownFilter
{
    /// <summary>The longest link address looked for; longer ones are left as text.</summary>
    private const int MaxUrlLength = 2048;

    /// <summary>A link or image whose text ends at <paramref name="close"/>; -1 when no address follows.</summary>
    private static int Link(ReadOnlySpan<char> line, int open, int close, bool image, MarkdownBuffer buffer)
    {
        if (close + 1 >= line.Length || line[close + 1] != '(' || !TryReadDestination(line, close + 1, out var url, out var end))
        {
            return -1;
        }

        var text = line[(open + 1)..close].Trim(' ');
        if (image || url.IsEmpty || (!text.IsEmpty && IsSameAddress(text, url)))
        {
            ScanInline(text, buffer);
        }
        else if (text.IsEmpty)
        {
            buffer.Append(url, literal: true);
        }
        else
        {
            ScanInline(text, buffer);
            buffer.Append(" (");
            buffer.Append(url, literal: true);
            buffer.Append(')');
        }

        return end;
    }

    /// <summary>Reads <c>(url)</c> or <c>(&lt;url&gt; "title")</c> starting at the parenthesis.</summary>
    private static bool TryReadDestination(ReadOnlySpan<char> line, int paren, out ReadOnlySpan<char> url, out int end)
    {
        url = default;
        end = -1;
        var i = SkipSpaces(line, paren + 1);
        var start = i;
        if (i < line.Length && line[i] == '<')
        {
            var closing = IndexWithin(line, '>', i + 1);
            if (closing < 0)
            {
                return false;
            }

            url = line[(i + 1)..closing];
            i = closing + 1;
        }
        else
        {
            // Stopping at '[' keeps "[a](((([a]((((…" linear: no scan passes the next link.
            var depth = 0;
            while (i < line.Length && i - start <= MaxUrlLength && !char.IsWhiteSpace(line[i]) && line[i] != '[' && !(line[i] == ')' && depth == 0))
            {
                depth += line[i] == '(' ? 1 : line[i] == ')' ? -1 : 0;
                i++;
            }

            url = line[start..i];
        }

        i = SkipSpaces(line, i);
        if (i < line.Length && line[i] is '"' or '\'')
        {
            var closing = IndexWithin(line, line[i], i + 1);
            i = closing < 0 ? line.Length : SkipSpaces(line, closing + 1);
        }

        end = i + 1;
        return i < line.Length && line[i] == ')';
    }

    /// <summary>Whether a link's text is its address, ignoring the scheme, <c>www.</c> and a trailing slash.</summary>
    private static bool IsSameAddress(ReadOnlySpan<char> text, ReadOnlySpan<char> url) =>
        BareAddress(text).Equals(BareAddress(url), StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> BareAddress(ReadOnlySpan<char> address)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["https://", "http://", "mailto:"])
        {
            if (address.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                address = address[scheme.Length..];
                break;
            }
        }

        if (address.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            address = address[4..];
        }

        return address.TrimEnd('/');
    }

    /// <summary><c>&lt;https://…&gt;</c> or <c>&lt;mailto:…&gt;</c> becomes the bare address.</summary>
    private static int Autolink(ReadOnlySpan<char> line, int start, MarkdownBuffer buffer)
    {
        var rest = line[(start + 1)..];
        if (!StartsWithScheme(rest) && !rest.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        var length = rest[..Math.Min(rest.Length, MaxUrlLength)].IndexOfAny(" \t<>");
        if (length < 0 || rest[length] != '>')
        {
            return -1;
        }

        buffer.Append(rest[..length], literal: true);
        return start + 1 + length + 1;
    }

    /// <summary>A bare <c>http(s)://</c> or <c>www.</c> address is copied as literal, so its underscores survive.</summary>
    private static int BareUrl(ReadOnlySpan<char> line, int start, MarkdownBuffer buffer)
    {
        var rest = line[start..];
        if (!StartsWithScheme(rest) && !rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        var length = rest.IndexOfAny(" \t");
        var url = (length < 0 ? rest : rest[..length]).TrimEnd("*_~");
        buffer.Append(url, literal: true);
        return start + url.Length;
    }

    private static bool StartsWithScheme(ReadOnlySpan<char> text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
