namespace ChatBotKit.Triggers;

/// <summary>Case-insensitive whole-word search that allocates nothing.</summary>
internal static class WordMatcher
{
    /// <summary>
    /// Whether <paramref name="word"/> occurs in <paramref name="text"/> as a whole word (or
    /// phrase): the characters either side are not letters, digits or underscores.
    /// </summary>
    public static bool ContainsWord(ReadOnlySpan<char> text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        var offset = 0;
        while (offset <= text.Length - word.Length)
        {
            var found = text[offset..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var start = offset + found;
            var end = start + word.Length;
            if (IsBoundary(text, start - 1) && IsBoundary(text, end))
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '_');
}
