using System.Globalization;
using System.Text.Json;

namespace ChatBotKit.CyTube;

/// <summary>
/// One event as Kryten publishes it: <c>{event_name, payload, channel, domain, timestamp, correlation_id}</c>.
/// A bare socket.io payload (no envelope) is accepted too; its event name then comes from the subject.
/// </summary>
internal sealed record KrytenEnvelope(string EventName, JsonElement Payload, string? Channel, string? Domain, DateTimeOffset? Timestamp, string? CorrelationId)
{
    /// <exception cref="JsonException">The data is not a JSON object.</exception>
    public static KrytenEnvelope Parse(ReadOnlySpan<byte> json, string subject)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement.Clone();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The event is not a JSON object.");
        }

        if (root.TryGetProperty("event_name", out var name) && name.ValueKind == JsonValueKind.String
            && root.TryGetProperty("payload", out var payload))
        {
            return new KrytenEnvelope(
                name.GetString()!,
                payload,
                Text(root, "channel"),
                Text(root, "domain"),
                DateTimeOffset.TryParse(Text(root, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
                Text(root, "correlation_id"));
        }

        return new KrytenEnvelope(subject[(subject.LastIndexOf('.') + 1)..], root, null, null, null, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
