using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
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
    // The transcript is a JSON Lines file, never HTML: keep non-ASCII text readable and leave <, >,
    // & and ' alone. Quotes, backslashes and control characters are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON object for <paramref name="message"/>, without a line break.</summary>
    public static string Format(OutgoingMessage message, ChatPlatform defaultPlatform)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
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

    // Transcoding first turns a lone surrogate into U+FFFD, where the writer would throw.
    private static void Write(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, Encoding.UTF8.GetBytes(value));
        }
    }
}
