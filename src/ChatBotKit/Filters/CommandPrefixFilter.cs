namespace ChatBotKit.Filters;

/// <summary>
/// Makes sure a message never starts with <c>/</c> or <c>.</c>, which Twitch and CyTube read as
/// chat commands (<c>/ban</c>, <c>.clear</c>): leading slashes, dots and white space are removed.
/// Run it after <see cref="MaxLengthFilter"/> so it sees every part of a split reply. Rejects a
/// message that is left empty.
/// </summary>
public sealed class CommandPrefixFilter : IResponseFilter
{
    /// <inheritdoc />
    public string Name => "command-prefix";

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        if (text.Length > 0 && text[0] is not ('/' or '.') && !char.IsWhiteSpace(text[0]))
        {
            return FilterResult.Keep(text);
        }

        var start = 0;
        while (start < text.Length && (text[start] is '/' or '.' || char.IsWhiteSpace(text[start])))
        {
            start++;
        }

        return start == text.Length ? FilterResult.Reject(FilterReasons.Empty) : FilterResult.Keep(text[start..]);
    }
}
