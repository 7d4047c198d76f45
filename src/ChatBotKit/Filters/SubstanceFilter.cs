using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChatBotKit.Filters;

/// <summary>
/// Rejects a reply with nothing to say: empty (<c>empty</c>), or <c>non-substantive</c> when it
/// is only punctuation and symbols (<c>...</c>, <c>…</c>, <c>?!</c>) or a stand-in for silence
/// such as <c>*silence*</c>, <c>*stays quiet*</c>, <c>(no response)</c>, <c>[no reply]</c>,
/// <c>&lt;silence&gt;</c>, <c>N/A</c> or <c>none</c>. Any other reply with a letter, digit or
/// emoji passes, emoji-only replies included.
/// </summary>
public sealed class SubstanceFilter : IResponseFilter
{
    /// <summary>Longer replies are never stand-ins for silence, so they are not examined.</summary>
    private const int MaxSilenceLength = 64;

    /// <summary>Whole replies that mean "no reply", once lower-cased and stripped of punctuation.</summary>
    private static readonly FrozenSet<string> Silences = FrozenSet.ToFrozenSet(
    [
        "silence", "silent", "quiet", "crickets", "none", "n/a", "null", "empty", "nothing to say",
        "no response", "no reply", "no answer", "no comment", "no message", "no output",
        "no response needed", "no reply needed", "no response necessary", "no reply necessary",
    ], StringComparer.Ordinal);

    /// <summary>Endings of short stage directions that mean "no reply": <c>*kit stays quiet*</c>, <c>awkward silence</c>.</summary>
    private static readonly string[] SilentEndings =
    [
        "silence", "no response", "no reply", "says nothing", "stays quiet", "stays silent", "remains quiet",
        "remains silent", "keeps quiet", "keeps silent", "goes quiet", "goes silent", "falls silent",
        "does not respond", "doesnt respond", "does not reply", "doesnt reply",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SilenceLookup =
        Silences.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc />
    public string Name => "substance";

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FilterResult.Reject(FilterReasons.Empty);
        }

        if (!HasContent(text) || IsSilence(text.AsSpan().Trim()))
        {
            return FilterResult.Reject(FilterReasons.NonSubstantive);
        }

        return FilterResult.Keep(text);
    }

    /// <summary>Whether the text has a letter, a digit or an emoji (anything in Unicode's "other symbol" category).</summary>
    private static bool HasContent(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol && rune != Rune.ReplacementChar))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSilence(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxSilenceLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxSilenceLength];
        var words = Normalize(text, buffer, out var length);
        var normalized = buffer[..length];
        if (SilenceLookup.Contains(normalized))
        {
            return true;
        }

        if (words > 5)
        {
            return false;
        }

        foreach (var ending in SilentEndings)
        {
            if (normalized.EndsWith(ending, StringComparison.Ordinal)
                && (normalized.Length == ending.Length || normalized[^(ending.Length + 1)] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lower-cases letters and digits, keeps <c>/</c> (for <c>n/a</c>), drops apostrophes, turns
    /// everything else into single spaces, and trims. Returns the number of words.
    /// </summary>
    private static int Normalize(ReadOnlySpan<char> text, Span<char> buffer, out int length)
    {
        length = 0;
        var words = 0;
        var space = false;
        foreach (var c in text)
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '/')
            {
                if (space && length > 0)
                {
                    buffer[length++] = ' ';
                }

                words += space || length == 0 ? 1 : 0;
                space = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                space = true;
            }
        }

        return words;
    }
}
