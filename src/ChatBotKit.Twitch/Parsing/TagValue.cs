namespace ChatBotKit.Twitch.Parsing;

/// <summary>IRCv3 tag-value escaping: <c>\:</c> is <c>;</c>, <c>\s</c> a space, <c>\\</c> a backslash, <c>\r</c> and <c>\n</c> CR and LF.</summary>
internal static class TagValue
{
    /// <summary>
    /// Unescapes a raw tag value. Any other <c>\X</c> becomes <c>X</c>; a lone trailing backslash is dropped.
    /// </summary>
    public static string Unescape(ReadOnlySpan<char> raw)
    {
        var backslash = raw.IndexOf('\\');
        if (backslash < 0)
        {
            return raw.IsEmpty ? string.Empty : new string(raw);
        }

        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw[..backslash].CopyTo(buffer);
        var length = backslash;
        for (var i = backslash; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                buffer[length++] = c;
                continue;
            }

            if (++i >= raw.Length)
            {
                break;
            }

            buffer[length++] = raw[i] switch
            {
                ':' => ';',
                's' => ' ',
                'r' => '\r',
                'n' => '\n',
                var other => other,
            };
        }

        return new string(buffer[..length]);
    }

    /// <summary>Escapes <paramref name="value"/> for use as a tag value.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny("; \\\r\n") < 0)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                ';' => "\\:",
                ' ' => "\\s",
                '\\' => "\\\\",
                '\r' => "\\r",
                '\n' => "\\n",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }
}
