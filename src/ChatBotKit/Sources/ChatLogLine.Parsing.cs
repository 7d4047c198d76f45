using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.Sources;

public sealed partial record ChatLogLine
{
    private const int Ts = 0, PlatformField = 1, ChannelField = 2, UserField = 3, TextField = 4, RolesField = 5, IdField = 6, KindField = 7;

    private static readonly string[] FieldNames = ["ts", "platform", "channel", "user", "text", "roles", "id", "kind"];

    // ISO-8601 extended format; the fraction is optional, and a missing offset means UTC.
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    private static readonly FrozenDictionary<string, ChatRoles> RoleNames = new Dictionary<string, ChatRoles>(StringComparer.OrdinalIgnoreCase)
    {
        ["broadcaster"] = ChatRoles.Broadcaster,
        ["moderator"] = ChatRoles.Moderator,
        ["vip"] = ChatRoles.Vip,
        ["subscriber"] = ChatRoles.Subscriber,
        ["member"] = ChatRoles.Subscriber,
        ["verified"] = ChatRoles.Verified,
        ["bot"] = ChatRoles.VerifiedBot,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Parses one chat log line. On failure, <paramref name="error"/> says what is wrong in words
    /// that never quote the line's content, so it is safe to log.
    /// </summary>
    /// <param name="line">One line of the log, without its line break.</param>
    /// <param name="entry">The parsed line, when it is valid.</param>
    /// <param name="error">Why the line is invalid, when it is.</param>
    public static bool TryParse(string line, [NotNullWhen(true)] out ChatLogLine? entry, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        entry = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            error = $"malformed JSON at byte {ex.BytePositionInLine ?? 0}";
            return false;
        }
        catch (ArgumentException)
        {
            error = "the line is not valid UTF-16 text (lone surrogate)";
            return false;
        }

        using (document)
        {
            error = Read(document.RootElement, out entry);
            return error is null;
        }
    }

    private static string? Read(JsonElement root, out ChatLogLine? entry)
    {
        entry = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"the line is not a JSON object (found {Describe(root.ValueKind)})";
        }

        var fields = new JsonElement?[FieldNames.Length];
        foreach (var property in root.EnumerateObject())
        {
            var index = FieldIndex(property);
            if (index >= 0)
            {
                if (fields[index] is not null)
                {
                    return $"field '{FieldNames[index]}' appears twice";
                }

                fields[index] = property.Value;
            }
        }

        string? ts = null, user = null, text = null, platform = null, channel = null, id = null, kind = null;
        var roles = ChatRoles.None;
        var error = ReadString(fields, Ts, required: true, ref ts)
            ?? ReadString(fields, UserField, required: true, ref user)
            ?? ReadString(fields, TextField, required: true, ref text, allowEmpty: true)
            ?? ReadString(fields, PlatformField, required: false, ref platform)
            ?? ReadString(fields, ChannelField, required: false, ref channel)
            ?? ReadString(fields, IdField, required: false, ref id)
            ?? ReadString(fields, KindField, required: false, ref kind)
            ?? ReadRoles(fields[RolesField], ref roles);
        if (error is not null)
        {
            return error;
        }

        if (!DateTimeOffset.TryParseExact(ts, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return "field 'ts' is not an ISO-8601 timestamp";
        }

        if (ParseKind(kind) is not { } messageKind)
        {
            return "field 'kind' must be \"public\", \"action\" or \"private\"";
        }

        entry = new ChatLogLine
        {
            Timestamp = timestamp,
            User = user!,
            Text = text!,
            Platform = platform is null ? null : new ChatPlatform(platform),
            Channel = channel,
            Roles = roles,
            Id = id,
            Kind = messageKind,
        };
        return null;
    }

    private static int FieldIndex(JsonProperty property)
    {
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if (property.NameEquals(FieldNames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? ReadString(JsonElement?[] fields, int index, bool required, ref string? value, bool allowEmpty = false)
    {
        var name = FieldNames[index];
        if (fields[index] is not { ValueKind: not JsonValueKind.Null } element)
        {
            return required ? $"missing required field '{name}'" : null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"field '{name}' must be a string (found {Describe(element.ValueKind)})";
        }

        if (!TryGetString(element, out value))
        {
            return $"field '{name}' is not valid UTF-16 text (lone surrogate)";
        }

        return allowEmpty || !string.IsNullOrWhiteSpace(value) ? null : $"field '{name}' is empty";
    }

    private static string? ReadRoles(JsonElement? field, ref ChatRoles roles)
    {
        if (field is not { ValueKind: not JsonValueKind.Null } element)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return $"field 'roles' must be an array of strings (found {Describe(element.ValueKind)})";
        }

        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return $"field 'roles' must be an array of strings (found {Describe(item.ValueKind)} in it)";
            }

            if (!TryGetString(item, out var name))
            {
                return "field 'roles' is not valid UTF-16 text (lone surrogate)";
            }

            roles |= RoleNames.GetValueOrDefault(name!);
        }

        return null;
    }

    private static MessageKind? ParseKind(string? kind) => kind?.ToUpperInvariant() switch
    {
        null or "PUBLIC" => MessageKind.Public,
        "ACTION" => MessageKind.Action,
        "PRIVATE" => MessageKind.Private,
        _ => null,
    };

    // An escaped lone surrogate ("\ud800") is valid JSON but not a valid string.
    private static bool TryGetString(JsonElement element, out string? value)
    {
        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => "null",
    };
}
