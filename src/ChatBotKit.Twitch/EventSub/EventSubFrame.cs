using System.Text.Json;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// One EventSub WebSocket message: <c>{"metadata":{…},"payload":{…}}</c>. <see cref="Root"/> is the
/// whole message, parsed once into memory of its own (nothing to dispose), and kept as the events'
/// raw representation.
/// </summary>
internal sealed record EventSubFrame(string MessageId, string MessageType, DateTimeOffset Timestamp, string? SubscriptionType, string? SubscriptionVersion, JsonElement Payload, JsonElement Root)
{
    /// <summary>Reads a frame; <see langword="null"/> with <paramref name="problem"/> saying what is wrong when it is not one.</summary>
    public static EventSubFrame? Parse(string json, out string? problem)
    {
        JsonElement root;
        try
        {
            root = JsonElement.Parse(json);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            problem = $"not JSON ({ex.Message})";
            return null;
        }

        var metadata = root.Object("metadata");
        var id = metadata.String("message_id");
        var type = metadata.String("message_type");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
        {
            problem = "no metadata.message_id or metadata.message_type";
            return null;
        }

        problem = null;
        return new EventSubFrame(id, type, metadata.Time("message_timestamp"), metadata.String("subscription_type"), metadata.String("subscription_version"), root.Object("payload"), root);
    }
}
