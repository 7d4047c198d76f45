using System.Text.Json.Nodes;

namespace ChatBotKit.AI.Tests.Server;

/// <summary>One request the fake server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
