namespace ChatBotKit.Hosting.Configuration;

/// <summary><c>ChatBotKit:Http</c>: where <c>/health</c> and <c>/metrics</c> are served.</summary>
public sealed record HttpEndpointOptions
{
    /// <summary>Whether to serve them (<c>ChatBotKit:Http:Enabled</c>). Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>host:port</c> (<c>ChatBotKit:Http:Endpoint</c>). Default <c>127.0.0.1:8080</c>.</summary>
    public string Endpoint { get; init; } = Http.ChatBotHttpServer.DefaultEndpoint;
}
