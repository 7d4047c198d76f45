using System.Text.Json;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>Small readers over <see cref="JsonElement"/> that never throw for a missing or mistyped field, and one that says what was missing.</summary>
internal static class JsonFields
{
    /// <summary>The object at <paramref name="names"/> under <paramref name="element"/>, or nothing.</summary>
    public static bool TryGet(this JsonElement element, out JsonElement found, params ReadOnlySpan<string> names)
    {
        found = element;
        foreach (var name in names)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found))
            {
                found = default;
                return false;
            }
        }

        return true;
    }

    /// <summary>A string at <paramref name="names"/>, or <see langword="null"/>.</summary>
    public static string? String(this JsonElement element, params ReadOnlySpan<string> names) =>
        element.TryGet(out var found, names) && found.ValueKind == JsonValueKind.String ? found.GetString() : null;

    /// <summary>A string at <paramref name="name"/>, or a <see cref="SkippedItemException"/> naming <paramref name="path"/>.</summary>
    public static string Require(this JsonElement element, string name, string path) =>
        element.String(name) is { Length: > 0 } value ? value : throw new SkippedItemException($"missing {name} at {path}");

    /// <summary>A whole number written either as a JSON number or as a string (YouTube uses both).</summary>
    public static long? Int64(this JsonElement element, params ReadOnlySpan<string> names)
    {
        if (!element.TryGet(out var found, names))
        {
            return null;
        }

        return found.ValueKind switch
        {
            JsonValueKind.Number when found.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(found.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>The array at <paramref name="names"/>, or an empty sequence.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, params ReadOnlySpan<string> names) =>
        element.TryGet(out var found, names) && found.ValueKind == JsonValueKind.Array ? found.EnumerateArray() : [];
}
