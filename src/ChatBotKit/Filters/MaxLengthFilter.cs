namespace ChatBotKit.Filters;

/// <summary>
/// Fits a reply into <see cref="ResponseFilterContext.MaxMessageLength"/> UTF-16 code units.
/// <see cref="LongReplyMode.Cut"/> cuts it at the last space that leaves room for a trailing
/// <c>…</c>. <see cref="LongReplyMode.Split"/> packs whole sentences (ending in <c>.</c>,
/// <c>!</c>, <c>?</c> or <c>…</c> before a space) greedily into at most <see cref="MaxParts"/>
/// messages; a sentence longer than the limit is broken at the last space that fits and goes on in
/// the next message, and the last message is cut with <c>…</c> if text remains. A word longer
/// than the limit is broken inside; a surrogate pair never is. A limit of zero or less means no limit.
/// </summary>
public sealed class MaxLengthFilter : IResponseFilter
{
    private const string Ellipsis = "\u2026";

    /// <summary>Creates the filter.</summary>
    /// <param name="mode">Whether to cut or split long replies. Default <see cref="LongReplyMode.Split"/>.</param>
    /// <param name="maxParts">The most messages a split reply becomes. Default 2.</param>
    public MaxLengthFilter(LongReplyMode mode = LongReplyMode.Split, int maxParts = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParts, 1);
        Mode = mode;
        MaxParts = maxParts;
    }

    /// <inheritdoc />
    public string Name => "max-length";

    /// <summary>Whether long replies are cut or split.</summary>
    public LongReplyMode Mode { get; }

    /// <summary>The most messages a split reply becomes.</summary>
    public int MaxParts { get; }

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        var limit = context?.MaxMessageLength ?? 0;
        if (limit <= 0 || text.Length <= limit)
        {
            return FilterResult.Keep(text);
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length <= limit)
        {
            return FilterResult.Keep(trimmed.ToString());
        }

        if (Mode == LongReplyMode.Split && MaxParts > 1)
        {
            return Split(trimmed, limit);
        }

        var cut = Cut(trimmed, limit);
        return cut.Length == 0 ? FilterResult.Reject(FilterReasons.Empty) : FilterResult.Keep(cut);
    }

    private FilterResult Split(ReadOnlySpan<char> text, int limit)
    {
        var parts = new List<string>(MaxParts);
        var rest = text;
        while (rest.Length > limit)
        {
            var end = parts.Count < MaxParts - 1 ? BreakPoint(rest, limit) : 0;
            if (end <= 0)
            {
                var cut = Cut(rest, limit);
                if (cut.Length > 0)
                {
                    parts.Add(cut);
                }

                rest = [];
                break;
            }

            parts.Add(rest[..end].TrimEnd().ToString());
            rest = rest[end..].TrimStart();
        }

        if (!rest.IsEmpty)
        {
            parts.Add(rest.ToString());
        }

        return parts.Count switch
        {
            0 => FilterResult.Reject(FilterReasons.Empty),
            1 => FilterResult.Keep(parts[0]),
            _ => FilterResult.Split(parts),
        };
    }

    /// <summary>Where to end the next part: after a sentence, else before a space, else inside a word.</summary>
    private static int BreakPoint(ReadOnlySpan<char> text, int limit)
    {
        var wordBreak = -1;
        for (var end = limit; end >= 1; end--)
        {
            if (!char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            if (EndsSentence(text[..end]))
            {
                return end;
            }

            wordBreak = wordBreak < 0 ? end : wordBreak;
        }

        return wordBreak > 0 ? wordBreak : SafeLength(text, limit);
    }

    private static bool EndsSentence(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd().TrimEnd("\"')\u201D\u2019");
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '\u2026';
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="limit"/> code units, ellipsis included.</summary>
    private static string Cut(ReadOnlySpan<char> text, int limit)
    {
        if (text.Length <= limit)
        {
            return text.ToString();
        }

        if (limit <= Ellipsis.Length)
        {
            return text[..SafeLength(text, limit)].TrimEnd().ToString();
        }

        var room = limit - Ellipsis.Length;
        var end = room;
        while (end >= 1 && !char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        var kept = end >= 1 ? TrimTrailingPunctuation(text[..end]) : [];
        if (kept.IsEmpty)
        {
            kept = text[..SafeLength(text, room)].TrimEnd();
        }

        return string.Concat(kept, Ellipsis);
    }

    /// <summary>Drops trailing white space and the marks an ellipsis replaces (<c>, ; : . - – — …</c>).</summary>
    private static ReadOnlySpan<char> TrimTrailingPunctuation(ReadOnlySpan<char> text)
    {
        while (text.Length > 0 && (char.IsWhiteSpace(text[^1]) || text[^1] is ',' or ';' or ':' or '.' or '-' or '\u2013' or '\u2014' or '\u2026'))
        {
            text = text[..^1];
        }

        return text;
    }

    /// <summary><paramref name="length"/>, one less if that would split a surrogate pair.</summary>
    private static int SafeLength(ReadOnlySpan<char> text, int length)
    {
        length = Math.Min(length, text.Length);
        return length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length])
            ? length - 1
            : length;
    }
}
