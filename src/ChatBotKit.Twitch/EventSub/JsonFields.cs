using System.Globalization;
using System.Text.Json;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>Reads fields of Twitch's JSON without throwing: a missing field or one of the wrong kind reads as absent.</summary>
internal static class JsonFields
{
    public static JsonElement Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    public static JsonElement Array(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : default;

    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int Int(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    public static bool? Bool(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public static DateTimeOffset Time(this JsonElement element, string name) =>
        DateTimeOffset.TryParse(element.String(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : default;

    /// <summary>The elements of an array, none when <paramref name="array"/> is not one.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
