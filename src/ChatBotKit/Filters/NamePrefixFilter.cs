namespace ChatBotKit.Filters;

/// <summary>
/// Strips the speaker label a model echoes from the chat log: <c>kit:</c>, <c>@kit:</c>,
/// <c>**kit**:</c>, <c>**kit:**</c> or <c>kit -</c>, for the bot's name and each alias, in any
/// case, as often as it repeats. A name that is just the start of the reply (<c>kit is here</c>,
/// <c>kit-chan</c>) stays. Rejects a reply that was only a label.
/// </summary>
public sealed class NamePrefixFilter : IResponseFilter
{
    private static readonly string[] Wrappers = ["**", "__", "*", "_"];

    /// <inheritdoc />
    public string Name => "name-prefix";

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        if (context?.Bot is not { } bot)
        {
            return FilterResult.Keep(text);
        }

        var rest = text.AsSpan().TrimStart();
        var stripped = false;
        while (TryStripLabel(ref rest, bot.Name) || TryStripAnyAlias(ref rest, bot.Aliases))
        {
            stripped = true;
        }

        if (!stripped)
        {
            return FilterResult.Keep(text);
        }

        return rest.IsEmpty ? FilterResult.Reject(FilterReasons.Empty) : FilterResult.Keep(rest.ToString());
    }

    private static bool TryStripAnyAlias(ref ReadOnlySpan<char> text, IReadOnlyList<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (TryStripLabel(ref text, alias))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Strips <c>[@][**]name[**]</c> followed by <c>:</c>, or by a dash and a space.</summary>
    private static bool TryStripLabel(ref ReadOnlySpan<char> text, string? name)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var rest = text;
        var wrapper = Wrapper(ref rest);
        rest = rest.StartsWith('@') ? rest[1..] : rest;
        if (!rest.StartsWith(name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rest = rest[name.Length..];
        if (!rest.IsEmpty && (char.IsLetterOrDigit(rest[0]) || rest[0] == '_'))
        {
            return false;
        }

        // The wrapper may close before or after the colon: **kit**: and **kit:** both occur.
        var closedEarly = CloseWrapper(ref rest, wrapper);
        rest = rest.TrimStart(' ');
        if (rest.StartsWith(':'))
        {
            rest = rest[1..];
        }
        else if (rest.Length >= 1 && rest[0] is '-' or '\u2013' or '\u2014' && (rest.Length == 1 || char.IsWhiteSpace(rest[1])))
        {
            rest = rest[1..];
        }
        else
        {
            return false;
        }

        if (!closedEarly && !CloseWrapper(ref rest, wrapper))
        {
            return false;
        }

        text = rest.TrimStart();
        return true;
    }

    /// <summary>Reads a leading <c>**</c>, <c>__</c>, <c>*</c> or <c>_</c>.</summary>
    private static string Wrapper(ref ReadOnlySpan<char> text)
    {
        foreach (var marker in Wrappers)
        {
            if (text.StartsWith(marker, StringComparison.Ordinal))
            {
                text = text[marker.Length..];
                return marker;
            }
        }

        return "";
    }

    private static bool CloseWrapper(ref ReadOnlySpan<char> text, string wrapper)
    {
        if (!text.StartsWith(wrapper, StringComparison.Ordinal))
        {
            return false;
        }

        text = text[wrapper.Length..];
        return true;
    }
}
