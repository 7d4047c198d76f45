using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// Reads values off a <see cref="Utf8JsonReader"/> without throwing for a mistyped field. The
/// <c>Next…</c> methods start on a property name, consume its whole value, and give nothing when
/// the value is not of the kind asked for, so a caller's loop over an object's properties stays in step.
/// </summary>
internal static class JsonReading
{
    /// <summary>Moves to the next property of the object the reader is in; <see langword="false"/> at its end.</summary>
    public static bool NextProperty(this ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves onto the property's value: <see langword="true"/> when it is an object (the reader is then on its <c>{</c>), else the value is passed over.</summary>
    public static bool NextObject(this ref Utf8JsonReader reader) => reader.NextValue(JsonTokenType.StartObject);

    /// <summary>Moves onto the property's value: <see langword="true"/> when it is an array (the reader is then on its <c>[</c>), else the value is passed over.</summary>
    public static bool NextArray(this ref Utf8JsonReader reader) => reader.NextValue(JsonTokenType.StartArray);

    /// <summary>Moves to the next element of the array the reader is in that is an object (passing over the others); <see langword="false"/> at the array's end.</summary>
    public static bool NextObjectInArray(this ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>The property's value when it is a string, or <see langword="null"/>.</summary>
    public static string? NextString(this ref Utf8JsonReader reader) =>
        reader.NextValue(JsonTokenType.String) ? reader.Text() : null;

    /// <summary>A whole number written either as a JSON number or as a string (YouTube uses both), or <see langword="null"/>.</summary>
    public static long? NextInt64(this ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number : null;
            case JsonTokenType.String:
                var digits = reader.ValueSpan;
                return !reader.ValueIsEscaped && Utf8Parser.TryParse(digits, out long parsed, out var used) && used == digits.Length ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>The string at a dotted <paramref name="path"/> under the property's value (<c>accessibility.accessibilityData.label</c>), or <see langword="null"/>.</summary>
    public static string? NextStringAt(this ref Utf8JsonReader reader, ReadOnlySpan<byte> path)
    {
        if (!reader.NextObject())
        {
            return null;
        }

        var dot = path.IndexOf((byte)'.');
        var name = dot < 0 ? path : path[..dot];
        string? found = null;
        while (reader.NextProperty())
        {
            if (found is null && reader.ValueTextEquals(name))
            {
                found = dot < 0 ? reader.NextString() : reader.NextStringAt(path[(dot + 1)..]);
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }

    /// <summary>The text of the string token the reader is on; bytes that are not UTF-8 become U+FFFD instead of an exception.</summary>
    public static string Text(this ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }

        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static bool NextValue(this ref Utf8JsonReader reader, JsonTokenType kind)
    {
        reader.Read();
        if (reader.TokenType == kind)
        {
            return true;
        }

        reader.Skip();
        return false;
    }
}
