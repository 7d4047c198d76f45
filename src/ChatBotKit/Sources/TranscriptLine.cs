using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.Sources;

/// <summary>
/// Formats a sent message as one transcript line:
/// <c>{"ts":"…","platform":"…","channel":"…","text":"…","replyTo":"m1","trigger":"mention"}</c>.
/// <c>replyTo</c> and <c>trigger</c> are left out when the message has none; a private message adds
/// <c>"kind":"private"</c> and <c>"to":"login"</c>.
/// </summary>
internal static class TranscriptLine
{
    /// <summary>The JSON object for <paramref name="message"/>, without a line break.</summary>
    public static string Format(OutgoingMessage message, ChatPlatform defaultPlatform)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ts"u8, FormatTimestamp(message.Timestamp));
            Write(json, "platform"u8, (message.Platform ?? defaultPlatform).Value);
            Write(json, "channel"u8, message.Channel);
            Write(json, "text"u8, message.Text);
            Write(json, "replyTo"u8, message.ReplyToId);
            Write(json, "trigger"u8, message.Trigger);
            if (message.Kind != MessageKind.Public)
            {
                json.WriteString("kind"u8, message.Kind == MessageKind.Private ? "private"u8 : "action"u8);
            }

            Write(json, "to"u8, message.Recipient?.Login);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>ISO-8601 in UTC with a <c>Z</c>; the fraction of a second only when there is one.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    // The transcript is a JSON Lines file, never HTML: text is written as itself (🎲, not
    // \uD83C\uDFB2, which even the relaxed built-in encoder writes), and only quotes, backslashes
    // and control characters (and the two Unicode line separators) are escaped.
    private static void Write(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            json.WritePropertyName(name);
            json.WriteRawValue(Quote(value));
        }
    }

    /// <summary>A JSON string literal of <paramref name="value"/>; a lone surrogate becomes U+FFFD.</summary>
    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case < ' ' or '\u2028' or '\u2029': quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        quoted.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        quoted.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
