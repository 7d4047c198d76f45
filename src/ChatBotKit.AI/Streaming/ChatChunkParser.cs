using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatBotKit.AI.Streaming;

/// <summary>
/// Reads one <c>chat.completion.chunk</c> (the JSON of an SSE <c>data:</c> line) straight from
/// its bytes with <see cref="Utf8JsonReader"/> into a <see cref="ChatResponseUpdate"/>. One
/// parser serves one stream: it remembers the completion id and model so that repeated values
/// do not allocate a string per chunk. Unknown properties are skipped.
/// </summary>
internal sealed class ChatChunkParser
{
    private string? _id;
    private string? _model;
    private long _created = long.MinValue;
    private DateTimeOffset? _createdAt;

    /// <summary>An <c>error</c> object the server sent inside the stream, if any chunk carried one.</summary>
    public string? ServerError { get; private set; }

    /// <summary>Parses one chunk; <see cref="JsonException"/> when the bytes are not a JSON object.</summary>
    public ChatResponseUpdate Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Expect(ref reader, JsonTokenType.StartObject);
        var update = new ChatResponseUpdate { Role = ChatRole.Assistant };
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("choices"u8))
            {
                ReadChoices(ref reader, update);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                Next(ref reader);
                _id = Cached(ref reader, _id);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                Next(ref reader);
                _model = Cached(ref reader, _model);
            }
            else if (reader.ValueTextEquals("created"u8))
            {
                Next(ref reader);
                ReadCreated(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                ChatChunkUsage.Read(ref reader, update);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                Next(ref reader);
                ServerError = ChatChunkUsage.ErrorMessage(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        update.ResponseId = _id;
        update.MessageId = _id;
        update.ModelId = _model;
        update.CreatedAt = _createdAt;
        return update;
    }

    private static void ReadChoices(ref Utf8JsonReader reader, ChatResponseUpdate update)
    {
        if (Next(ref reader) != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("delta"u8))
                {
                    ReadDelta(ref reader, update);
                }
                else if (reader.ValueTextEquals("finish_reason"u8))
                {
                    Next(ref reader);
                    update.FinishReason = reader.TokenType == JsonTokenType.String ? FinishReason(ref reader) : null;
                }
                else
                {
                    SkipValue(ref reader);
                }
            }
        }
    }

    private static void ReadDelta(ref Utf8JsonReader reader, ChatResponseUpdate update)
    {
        if (Next(ref reader) != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text)
                {
                    update.Contents.Add(new TextContent(text));
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }
    }

    private static ChatFinishReason FinishReason(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("stop"u8) ? ChatFinishReason.Stop
        : reader.ValueTextEquals("length"u8) ? ChatFinishReason.Length
        : reader.ValueTextEquals("content_filter"u8) ? ChatFinishReason.ContentFilter
        : reader.ValueTextEquals("tool_calls"u8) || reader.ValueTextEquals("function_call"u8) ? ChatFinishReason.ToolCalls
        : new ChatFinishReason(reader.GetString()!);

    private void ReadCreated(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) && seconds != _created)
        {
            _created = seconds;
            _createdAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
    }

    private static string? Cached(ref Utf8JsonReader reader, string? previous) =>
        reader.TokenType != JsonTokenType.String ? null
        : previous is not null && reader.ValueTextEquals(previous) ? previous
        : reader.GetString();

    internal static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the chunk ends before its JSON is complete");

    internal static void SkipValue(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException($"expected {type} but found {reader.TokenType}");
        }
    }
}
