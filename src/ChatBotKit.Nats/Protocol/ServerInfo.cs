using System.Text.Json;

namespace ChatBotKit.Nats.Protocol;

/// <summary>The fields of the server's INFO the client acts on.</summary>
internal sealed record ServerInfo
{
    public string ServerId { get; init; } = "";

    public string Version { get; init; } = "";

    public int MaxPayload { get; init; } = 1024 * 1024;

    public bool Headers { get; init; }

    public bool AuthRequired { get; init; }

    public bool TlsRequired { get; init; }

    public bool LameDuckMode { get; init; }

    public IReadOnlyList<string> ConnectUrls { get; init; } = [];

    /// <summary>Reads INFO JSON; unknown fields are ignored.</summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static ServerInfo Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("INFO is not a JSON object.");
        }

        return new ServerInfo
        {
            ServerId = String(root, "server_id") ?? "",
            Version = String(root, "version") ?? "",
            MaxPayload = root.TryGetProperty("max_payload", out var max) && max.TryGetInt32(out var value) && value > 0 ? value : 1024 * 1024,
            Headers = Bool(root, "headers"),
            AuthRequired = Bool(root, "auth_required"),
            TlsRequired = Bool(root, "tls_required"),
            LameDuckMode = Bool(root, "ldm"),
            ConnectUrls = root.TryGetProperty("connect_urls", out var urls) && urls.ValueKind == JsonValueKind.Array
                ? [.. urls.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!)]
                : [],
        };
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
