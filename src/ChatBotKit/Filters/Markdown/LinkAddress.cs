namespace ChatBotKit.Filters.Markdown;

/// <summary>Compares a link's text with its address.</summary>
internal static class LinkAddress
{
    /// <summary>Whether a link's text is its address, ignoring the scheme, <c>www.</c> and a trailing slash.</summary>
    public static bool IsSame(ReadOnlySpan<char> text, ReadOnlySpan<char> url) =>
        Bare(text).Equals(Bare(url), StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Bare(ReadOnlySpan<char> address)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["https://", "http://", "mailto:"])
        {
            if (address.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                address = address[scheme.Length..];
                break;
            }
        }

        if (address.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            address = address[4..];
        }

        return address.TrimEnd('/');
    }
}
