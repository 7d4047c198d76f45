using System.Text;
using System.Text.Json;

namespace ChatBotKit.YouTube.InnerTube;

/// <summary>Finds the JSON objects a YouTube HTML page embeds in its scripts (<c>ytcfg.set({…})</c>, <c>ytInitialData = {…}</c>).</summary>
internal static class PageData
{
    /// <summary>Every JSON object that starts shortly after an occurrence of <paramref name="marker"/>; unreadable ones are passed over.</summary>
    public static IEnumerable<JsonDocument> Objects(string html, string marker)
    {
        for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            var open = html.IndexOf('{', at + marker.Length);
            if (open < 0 || open - at - marker.Length > 16)
            {
                continue;
            }

            if (TryRead(html, open) is { } document)
            {
                yield return document;
            }
        }
    }

    /// <summary>The first <c>ytInitialData</c> object of the page, or <see langword="null"/>.</summary>
    public static JsonDocument? InitialData(string html) => Objects(html, "ytInitialData").FirstOrDefault();

    private static JsonDocument? TryRead(string html, int open)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(html, open, html.Length - open), new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            return JsonDocument.TryParseValue(ref reader, out var document) ? document : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
