using System.Buffers;
using ChatBotKit.Text;

namespace ChatBotKit.Filters;

/// <summary>
/// Makes a reply one clean line: control characters and line breaks become spaces and lone
/// surrogates become U+FFFD (see <see cref="TextSanitizer.Clean"/>), runs of white space
/// collapse to one space, and the ends are trimmed. Rejects a reply that is left empty.
/// </summary>
public sealed class ControlCharacterFilter : IResponseFilter
{
    /// <inheritdoc />
    public string Name => "control-characters";

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        var cleaned = CollapseWhiteSpace(TextSanitizer.Clean(text ?? ""));
        return cleaned.Length == 0 ? FilterResult.Reject(FilterReasons.Empty) : FilterResult.Keep(cleaned);
    }

    /// <summary>Collapses runs of white space to one space and trims; returns <paramref name="text"/> itself when nothing changes.</summary>
    internal static string CollapseWhiteSpace(string text)
    {
        if (!NeedsCollapse(text))
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = c;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool NeedsCollapse(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return true;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || text[i - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
