using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotKit.VTubeStudio.Client;

/// <summary>Writes request envelopes and reads the fields of incoming frames.</summary>
internal static class VtsFrame
{
    public const string ApiName = "VTubeStudioPublicAPI";
    public const string ApiVersion = "1.0";
    public const string ErrorType = "APIError";

    /// <summary>The UTF-8 bytes of one request envelope.</summary>
    public static byte[] Request(string requestId, string messageType, JsonObject? data)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiName", ApiName);
            writer.WriteString("apiVersion", ApiVersion);
            writer.WriteString("requestID", requestId);
            writer.WriteString("messageType", messageType);
            if (data is not null)
            {
                writer.WritePropertyName("data");
                data.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The envelope fields of a frame, or the reason it is not a VTube Studio frame.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> utf8, out Incoming frame, out string problem)
    {
        frame = default;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messageType", out var type) || type.ValueKind != JsonValueKind.String)
            {
                problem = "it has no messageType";
                return false;
            }

            var requestId = root.TryGetProperty("requestID", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : default;
            frame = new Incoming(type.GetString()!, requestId, data);
            problem = "";
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"it is not JSON ({ex.Message})";
            return false;
        }
    }

    /// <summary>One frame from VTube Studio: its type, the request it answers and its <c>data</c> (undefined when absent).</summary>
    public readonly record struct Incoming(string MessageType, string? RequestId, JsonElement Data)
    {
        public bool IsError => MessageType == ErrorType;

        public bool IsEvent => MessageType.EndsWith("Event", StringComparison.Ordinal);

        public VTubeStudioException ToException(string requestType)
        {
            var errorId = Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("errorID", out var e) && e.TryGetInt32(out var n) ? n : -1;
            var message = Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
            return new VTubeStudioException(requestType, (VTubeStudioErrorId)errorId, message);
        }
    }
}
