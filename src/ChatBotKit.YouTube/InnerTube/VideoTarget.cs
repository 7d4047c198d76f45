using System.Buffers;

namespace ChatBotKit.YouTube.InnerTube;

/// <summary>
/// What a user gave to read: a video id, a watch or live URL, an <c>@handle</c> or a channel id,
/// turned into the path of the page that carries the live chat (<c>/watch?v=…</c>,
/// <c>/@handle/live</c>, <c>/channel/UC…/live</c>).
/// </summary>
/// <param name="PagePath">The path and query of the page to load, relative to the endpoint.</param>
/// <param name="VideoId">The video id when the input named one.</param>
internal sealed record VideoTarget(string PagePath, string? VideoId)
{
    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Reads <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">The input is none of the accepted forms.</exception>
    public static VideoTarget Parse(string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        var text = input.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return FromUrl(url) ?? throw Invalid(input);
        }

        return FromName(text) ?? throw Invalid(input);
    }

    private static VideoTarget? FromUrl(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (url.Host.EndsWith("youtu.be", StringComparison.OrdinalIgnoreCase))
        {
            return segments.Length > 0 ? FromName(segments[0]) : null;
        }

        if (QueryValue(url.Query, "v") is { } v)
        {
            return FromName(v);
        }

        return segments switch
        {
            ["live" or "embed" or "shorts", var id, ..] => FromName(id),
            [['@', ..] handle, ..] => FromName(handle),
            ["channel", var channel, ..] => FromName(channel),
            _ => null,
        };
    }

    private static VideoTarget? FromName(string name)
    {
        if (name.StartsWith('@') && name.Length > 1)
        {
            return new($"/{Uri.EscapeDataString(name).Replace("%40", "@", StringComparison.Ordinal)}/live", null);
        }

        if (name.Length == 24 && name.StartsWith("UC", StringComparison.Ordinal) && IsIdText(name))
        {
            return new($"/channel/{name}/live", null);
        }

        return name.Length == 11 && IsIdText(name) ? new($"/watch?v={name}", name) : null;
    }

    private static bool IsIdText(string text) => !text.AsSpan().ContainsAnyExcept(IdCharacters);

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual(name))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    private static ArgumentException Invalid(string input) => new(
        $"'{input}' is not a YouTube video id, watch or live URL, @handle or channel id (UC…).", nameof(input));
}
