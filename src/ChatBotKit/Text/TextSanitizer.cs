using System.Text;

namespace ChatBotKit.Text;

/// <summary>Makes untrusted text safe to put in a prompt or a chat message.</summary>
public static class TextSanitizer
{
    /// <summary>
    /// Replaces control characters (newlines too: chat is single-line) with spaces, replaces
    /// lone surrogates with U+FFFD, and cuts the text at <paramref name="maxLength"/> UTF-16 code
    /// units without splitting a surrogate pair. Returns the same instance when nothing changes.
    /// </summary>
    public static string Clean(string text, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Math.Min(text.Length, maxLength);
        if (length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        if (length == text.Length && IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
