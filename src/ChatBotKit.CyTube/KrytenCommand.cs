using System.Globalization;
using System.Text.Json;
using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.CyTube;

/// <summary>Builds the JSON of chat and PM commands, in the robot-command or the legacy shape.</summary>
internal static class KrytenCommand
{
    public static string Name(OutgoingMessage message, bool robot) => (message.Kind, robot) switch
    {
        (MessageKind.Private, _) => "pm",
        (_, true) => "say",
        _ => "chat",
    };

    public static byte[] Build(OutgoingMessage message, string text, CyTubeOptions options, DateTimeOffset now)
    {
        var robot = options.Subjects.RequestReply;
        var to = message.Recipient?.Login;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (robot)
            {
                json.WriteString("service", "robot");
                json.WriteString("command", Name(message, robot));
                json.WriteStartObject("args");
            }
            else
            {
                json.WriteString("action", Name(message, robot));
                json.WriteStartObject("data");
            }

            if (message.Kind == MessageKind.Private && to is not null)
            {
                json.WriteString(robot ? "username" : "to", to);
            }

            json.WriteString("message", text);
            json.WriteEndObject();
            if (robot)
            {
                json.WriteStartObject("meta");
                json.WriteString("source", options.ServiceName);
                json.WriteString("timestamp", now.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("domain", options.Domain);
                json.WriteString("channel", message.Channel);
                json.WriteString("request_id", message.CorrelationId.ToString());
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a robot reply: success, or the error it names.</summary>
    public static (bool Success, string? Error) ReadReply(ReadOnlySpan<byte> reply)
    {
        try
        {
            using var document = JsonDocument.Parse(reply.ToArray());
            var root = document.RootElement;
            var success = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out var ok) && ok.ValueKind == JsonValueKind.True;
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return (success, success ? null : error ?? "the reply has no success flag");
        }
        catch (JsonException)
        {
            return (false, "the reply is not JSON");
        }
    }
}
