namespace ChatBotKit.Twitch.Parsing;

/// <summary>Finds tags in a raw IRCv3 tag section (<c>k=v;k2=v2</c>) without copying.</summary>
internal static class TagReader
{
    public static bool TryGet(ReadOnlySpan<char> tags, ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        while (!tags.IsEmpty)
        {
            var semicolon = tags.IndexOf(';');
            var pair = semicolon < 0 ? tags : tags[..semicolon];
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (name.SequenceEqual(key))
            {
                value = equals < 0 ? [] : pair[(equals + 1)..];
                return true;
            }

            tags = semicolon < 0 ? [] : tags[(semicolon + 1)..];
        }

        value = [];
        return false;
    }

    /// <summary>Parses a non-negative decimal number; -1 when the text is not one (or is too long).</summary>
    public static long ParseNumber(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 18)
        {
            return -1;
        }

        long result = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            result = (result * 10) + digit;
        }

        return result;
    }
}
