using System.Text;
using System.Text.RegularExpressions;

namespace ChatBotKit.Filters;

/// <summary>
/// Drops the sentences in which a model talks about being one: "As an AI…", "As a language
/// model…", "I'm just an AI…", "I am an AI language model…" (an interjection such as "Well,"
/// or "Sorry," before them is allowed). The rest of the reply is kept; a reply that was only
/// such sentences is rejected as empty.
/// </summary>
public sealed partial class AiDisclaimerFilter : IResponseFilter
{
    /// <inheritdoc />
    public string Name => "ai-disclaimer";

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        var span = text.AsSpan();
        StringBuilder? kept = null;
        var start = 0;
        while (start < span.Length)
        {
            var end = SentenceEnd(span, start);
            var sentence = span[start..end];
            if (Disclaimer().IsMatch(sentence.TrimStart()))
            {
                kept ??= new StringBuilder(text.Length).Append(span[..start]);
            }
            else
            {
                kept?.Append(sentence);
            }

            start = end;
        }

        if (kept is null)
        {
            return FilterResult.Keep(text);
        }

        var result = kept.ToString().Trim();
        return result.Length == 0 ? FilterResult.Reject(FilterReasons.Empty) : FilterResult.Keep(result);
    }

    /// <summary>Where the sentence that starts at <paramref name="start"/> ends, its trailing white space included.</summary>
    internal static int SentenceEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var stop = text[i..].IndexOfAny(".!?\u2026");
            if (stop < 0)
            {
                return text.Length;
            }

            i += stop;
            while (i < text.Length && text[i] is '.' or '!' or '?' or '\u2026' or '"' or '\'' or ')' or '\u201D' or '\u2019')
            {
                i++;
            }

            if (i == text.Length || char.IsWhiteSpace(text[i]))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                return i;
            }
        }

        return text.Length;
    }

    [GeneratedRegex("""
        ^(?:(?:well|sorry|oh|ah|hmm+|um+|honestly|unfortunately|of\s+course)[,.!]*\s+)?
        (?:as|being|i['\u2019]?m|i\s+am)\s+
        (?:just\s+|only\s+|merely\s+|simply\s+)?
        an?\s+(?:ai|artificial\s+intelligence|(?:large\s+)?language\s+model|chat\s?bot|virtual\s+assistant)\b
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Disclaimer();
}
