using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Streaming;

/// <summary>Reads a chunk's <c>usage</c> and <c>error</c> objects for <see cref="ChatChunkParser"/>.</summary>
internal static class ChatChunkUsage
{
    /// <summary>Reads the value after a <c>usage</c> property name; adds a <see cref="UsageContent"/> when it is an object.</summary>
    public static void Read(ref Utf8JsonReader reader, ChatResponseUpdate update)
    {
        if (ChatChunkParser.Next(ref reader) != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        var usage = new UsageDetails();
        while (ChatChunkParser.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                usage.InputTokenCount = Count(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                usage.OutputTokenCount = Count(ref reader);
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                usage.TotalTokenCount = Count(ref reader);
            }
            else
            {
                ChatChunkParser.SkipValue(ref reader);
            }
        }

        update.Contents.Add(new UsageContent(usage));
    }

    /// <summary>The message of an <c>error</c> value (an object with <c>message</c>, or a string); the reader is left on its last token.</summary>
    public static string ErrorMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString() ?? "";
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return "an error without a message";
        }

        var message = "an error without a message";
        while (ChatChunkParser.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8) && ChatChunkParser.Next(ref reader) == JsonTokenType.String)
            {
                message = reader.GetString() ?? message;
            }
            else if (reader.TokenType == JsonTokenType.PropertyName)
            {
                ChatChunkParser.SkipValue(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return message;
    }

    private static long? Count(ref Utf8JsonReader reader) =>
        ChatChunkParser.Next(ref reader) == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
}
