using System.Text;

namespace ChatBotKit.Filters;

/// <summary>
/// Removes the <c>&lt;think&gt;…&lt;/think&gt;</c> reasoning that some models put in their
/// reply (tags in any case, any number of blocks). An unclosed <c>&lt;think&gt;</c> removes
/// everything after it; a <c>&lt;/think&gt;</c> without an opener removes everything before it
/// (models whose template opens the block in the prompt). Rejects a reply that was all reasoning.
/// </summary>
public sealed class ThinkBlockFilter : IResponseFilter
{
    private const string Open = "<think>";
    private const string Close = "</think>";

    /// <inheritdoc />
    public string Name => "think";

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        var result = RemoveBlocks(text).Trim();
        return result.Length == 0 ? FilterResult.Reject(FilterReasons.Empty) : FilterResult.Keep(result);
    }

    private static string RemoveBlocks(string text)
    {
        var span = text.AsSpan();
        var nextOpen = span.IndexOf(Open, StringComparison.OrdinalIgnoreCase);
        var nextClose = span.IndexOf(Close, StringComparison.OrdinalIgnoreCase);
        if (nextOpen < 0 && nextClose < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        var position = 0;
        while (true)
        {
            if (nextClose >= 0 && (nextOpen < 0 || nextClose < nextOpen))
            {
                // A closer with no opener: everything so far was reasoning.
                kept.Clear();
                position = nextClose + Close.Length;
                nextClose = Find(span, Close, position);
                continue;
            }

            if (nextOpen < 0)
            {
                kept.Append(span[position..]);
                return kept.ToString();
            }

            kept.Append(span[position..nextOpen]);
            if (nextClose < 0)
            {
                // An unclosed block: the model was still thinking.
                return kept.ToString();
            }

            position = nextClose + Close.Length;
            nextOpen = Find(span, Open, position);
            nextClose = Find(span, Close, position);
        }
    }

    private static int Find(ReadOnlySpan<char> text, string value, int from)
    {
        var found = text[from..].IndexOf(value, StringComparison.OrdinalIgnoreCase);
        return found < 0 ? -1 : from + found;
    }
}
