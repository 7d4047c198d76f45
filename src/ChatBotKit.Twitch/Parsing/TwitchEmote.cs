namespace ChatBotKit.Twitch.Parsing;

/// <summary>One emote occurrence in a message: Twitch's emote id and where it stands in the text, in UTF-16 units.</summary>
/// <param name="Id">The emote id (numeric, or text such as <c>emotesv2_…</c>).</param>
/// <param name="Start">The first UTF-16 index of the emote in the message text.</param>
/// <param name="Length">Its length in UTF-16 units.</param>
public readonly record struct TwitchEmote(string Id, int Start, int Length)
{
    /// <summary>
    /// Reads the <c>emotes</c> tag (<c>id:start-end,start-end/id2:start-end</c>, inclusive indices
    /// counted in Unicode code points) against the message text, sorted by position. Ranges outside
    /// the text or malformed parts are skipped.
    /// </summary>
    public static IReadOnlyList<TwitchEmote> Parse(string? emotesTag, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TwitchEmote>();
        if (string.IsNullOrEmpty(emotesTag))
        {
            return result;
        }

        var offsets = CodePointOffsets(text);
        foreach (var emote in emotesTag.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = emote.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var id = emote[..colon];
            foreach (var range in emote[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                var first = dash < 0 ? -1 : TagReader.ParseNumber(range.AsSpan(0, dash));
                var last = dash < 0 ? -1 : TagReader.ParseNumber(range.AsSpan(dash + 1));
                if (first < 0 || last < first || last + 1 >= offsets.Length)
                {
                    continue;
                }

                var start = offsets[first];
                result.Add(new TwitchEmote(id, start, offsets[last + 1] - start));
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    // offsets[i] is the UTF-16 index of code point i; the last entry is the text's length.
    private static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }
}
