using System.Globalization;

namespace ChatBotKit.Hosting.Configuration;

/// <summary><c>ChatBotKit:Http</c>: where <c>/health</c> and <c>/metrics</c> are served (by <c>ChatBotKit.Hosting.AspNetCore</c>).</summary>
public sealed record HttpEndpointOptions
{
    /// <summary>Where they are served unless told otherwise.</summary>
    public const string DefaultEndpoint = "127.0.0.1:8080";

    /// <summary>Whether to serve them (<c>ChatBotKit:Http:Enabled</c>). Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>host:port</c> (<c>ChatBotKit:Http:Endpoint</c>). Default <see cref="DefaultEndpoint"/>.</summary>
    public string Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>Turns <c>host:port</c> (port 0 for any free one) into an <c>http://host:port</c> URL.</summary>
    internal static bool TryParse(string endpoint, out string url)
    {
        var colon = endpoint.LastIndexOf(':');
        var host = colon > 0 ? endpoint[..colon] : "";
        if (host.Length == 0 || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            url = "";
            return false;
        }

        url = $"http://{host}:{port}";
        return true;
    }
}
