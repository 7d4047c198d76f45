using System.Text.RegularExpressions;
using ChatBotKit.Triggers;

namespace ChatBotKit.Filters;

/// <summary>
/// Rejects a reply that contains a blocked word (a whole word or phrase, any case: <c>ass</c>
/// blocks "ass" but not "class") with <c>blocked-word</c>, or that matches a blocked regular
/// expression (case-insensitive) with <c>blocked-pattern</c>. A pattern that takes longer than
/// <see cref="MatchTimeout"/> to decide counts as a match: when in doubt, stay quiet.
/// </summary>
public sealed class BlocklistFilter : IResponseFilter
{
    private readonly string[] _words;
    private readonly Regex[] _patterns;

    /// <summary>Creates the filter.</summary>
    /// <param name="blockedWords">Whole words or phrases, any case.</param>
    /// <param name="blockedPatterns">Regular expressions, matched case-insensitively.</param>
    /// <param name="matchTimeout">How long one pattern may take on one reply. Default 50 ms.</param>
    /// <exception cref="ChatBotConfigurationException">A pattern does not parse; the setting is named <c>Filters.BlockedPatterns[i]</c>.</exception>
    public BlocklistFilter(IEnumerable<string>? blockedWords, IEnumerable<string>? blockedPatterns, TimeSpan? matchTimeout = null)
    {
        MatchTimeout = matchTimeout ?? TimeSpan.FromMilliseconds(50);
        if (MatchTimeout <= TimeSpan.Zero && MatchTimeout != Regex.InfiniteMatchTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(matchTimeout), matchTimeout, "The match timeout must be positive.");
        }

        _words = [.. (blockedWords ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim())];
        _patterns = [.. (blockedPatterns ?? []).Select((p, i) => CreatePattern(p, MatchTimeout, $"Filters.BlockedPatterns[{i}]"))];
    }

    /// <inheritdoc />
    public string Name => "blocklist";

    /// <summary>How long one pattern may take on one reply before the reply counts as blocked.</summary>
    public TimeSpan MatchTimeout { get; }

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        foreach (var word in _words)
        {
            if (WordMatcher.ContainsWord(text, word))
            {
                return FilterResult.Reject(FilterReasons.BlockedWord);
            }
        }

        foreach (var pattern in _patterns)
        {
            try
            {
                if (pattern.IsMatch(text))
                {
                    return FilterResult.Reject(FilterReasons.BlockedPattern);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return FilterResult.Reject(FilterReasons.BlockedPattern);
            }
        }

        return FilterResult.Keep(text);
    }

    /// <summary>Compiles one blocked pattern.</summary>
    /// <exception cref="ChatBotConfigurationException">The pattern is empty or does not parse; <paramref name="setting"/> names it.</exception>
    internal static Regex CreatePattern(string? pattern, TimeSpan matchTimeout, string setting)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            throw new ChatBotConfigurationException(setting, "must not be empty");
        }

        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ChatBotConfigurationException(setting, $"is not a valid regular expression: {ex.Message}");
        }
    }
}
