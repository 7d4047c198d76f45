namespace ChatBotKit.Twitch;

/// <summary>Where the EventSub, Helix and OAuth endpoints are; Twitch's by default, a local fake in tests.</summary>
public sealed record TwitchEndpoints
{
    /// <summary>The EventSub WebSocket. Default <c>wss://eventsub.wss.twitch.tv/ws</c>.</summary>
    public Uri EventSub { get; init; } = new("wss://eventsub.wss.twitch.tv/ws");

    /// <summary>The Helix API base, ending in <c>/</c>. Default <c>https://api.twitch.tv/helix/</c>.</summary>
    public Uri Helix { get; init; } = new("https://api.twitch.tv/helix/");

    /// <summary>The OAuth base, ending in <c>/</c>. Default <c>https://id.twitch.tv/oauth2/</c>.</summary>
    public Uri OAuth { get; init; } = new("https://id.twitch.tv/oauth2/");

    /// <summary>Throws when an address is not absolute or a base does not end in <c>/</c>, naming it.</summary>
    public void Validate()
    {
        if (EventSub is null || !EventSub.IsAbsoluteUri || EventSub.Scheme is not ("wss" or "ws"))
        {
            throw new ArgumentException($"TwitchOptions.Endpoints.EventSub must be a wss:// or ws:// address, not '{EventSub}'.");
        }

        foreach (var (name, uri) in new[] { ("Helix", Helix), ("OAuth", OAuth) })
        {
            if (uri is null || !uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http") || !uri.AbsolutePath.EndsWith('/'))
            {
                throw new ArgumentException($"TwitchOptions.Endpoints.{name} must be an https:// or http:// address ending in '/', not '{uri}'.");
            }
        }
    }
}
