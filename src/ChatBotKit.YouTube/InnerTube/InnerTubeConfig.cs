using System.Text.Json;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.InnerTube;

/// <summary>
/// What the page's <c>ytcfg</c> tells a web client: the API key, the client's name and version
/// (an out-of-date version gets HTTP 500) and the visitor data.
/// </summary>
internal sealed record InnerTubeConfig(string ApiKey, string ClientName, string ClientVersion, string? VisitorData, string? ClientNameId)
{
    /// <summary>The config merged from every <c>ytcfg.set({…})</c> on the page, or <see langword="null"/> without an API key and client version.</summary>
    public static InnerTubeConfig? FromPage(string html)
    {
        string? key = null, name = null, version = null, visitor = null, nameId = null;
        foreach (var document in PageData.Objects(html, "ytcfg.set("))
        {
            using (document)
            {
                var cfg = document.RootElement;
                key ??= cfg.String("INNERTUBE_API_KEY");
                name ??= cfg.String("INNERTUBE_CONTEXT", "client", "clientName") ?? cfg.String("INNERTUBE_CLIENT_NAME");
                version ??= cfg.String("INNERTUBE_CONTEXT", "client", "clientVersion") ?? cfg.String("INNERTUBE_CLIENT_VERSION");
                visitor ??= cfg.String("INNERTUBE_CONTEXT", "client", "visitorData") ?? cfg.String("VISITOR_DATA");
                nameId ??= cfg.Int64("INNERTUBE_CONTEXT_CLIENT_NAME")?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return key is null || version is null ? null : new(key, name ?? "WEB", version, visitor, nameId);
    }

    /// <summary>The body of a <c>get_live_chat</c> request for <paramref name="continuation"/>.</summary>
    public byte[] LiveChatRequest(string continuation)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("context");
            json.WriteStartObject("client");
            json.WriteString("clientName", ClientName);
            json.WriteString("clientVersion", ClientVersion);
            json.WriteString("hl", "en");
            if (VisitorData is not null)
            {
                json.WriteString("visitorData", VisitorData);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("continuation", continuation);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
