namespace ChatBotKit.Nats;

/// <summary>Server URLs without the credentials people put in them, for NATS.Net (which logs URLs) and for messages.</summary>
internal static class NatsUrls
{
    /// <summary>The URL with its user info replaced by <c>***</c>.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        return scheme >= 0 && at > scheme ? string.Concat(url.AsSpan(0, scheme + 3), "***", url.AsSpan(at)) : url;
    }

    /// <summary>The URL as NATS.Net gets it: scheme, host and port only.</summary>
    public static string WithoutCredentials(Uri server) => $"{server.Scheme}://{server.Host}:{(server.IsDefaultPort || server.Port < 0 ? 4222 : server.Port)}";

    /// <summary>
    /// The credentials of the first URL with user info: <c>user:password</c> gives a user and password,
    /// a lone <c>token</c> a token.
    /// </summary>
    public static (string? User, string? Password, string? Token) Credentials(IEnumerable<Uri> servers)
    {
        var info = servers.Select(s => s.UserInfo).FirstOrDefault(i => i.Length > 0);
        if (info is null)
        {
            return (null, null, null);
        }

        var colon = info.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (null, null, Uri.UnescapeDataString(info))
            : (Uri.UnescapeDataString(info[..colon]), Uri.UnescapeDataString(info[(colon + 1)..]), null);
    }
}
