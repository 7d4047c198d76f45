using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// Turns <c>get_live_chat</c> responses into events in one forward pass over the response's UTF-8
/// bytes, reading only the renderers it maps. Accepts the current envelope
/// (<c>continuationContents.liveChatContinuation</c>), the page's initial data
/// (<c>contents.liveChatRenderer</c>) and the older <c>{"response": {…}}</c> wrapper. One parser per
/// chat: it remembers recent item ids (an item on two overlapping pages is delivered once) and the
/// unknown renderer names it has already reported.
/// </summary>
internal sealed partial class LiveChatParser(string channel, int recentIdCapacity = 4096)
{
    private readonly RecentIds _recent = new(recentIdCapacity);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly FormattedText _text = new();
    private readonly ChatItemMapper _items = new(channel);

    /// <summary>
    /// Reads one response body (or the <c>ytInitialData</c> of a live-chat page). Never throws for bad
    /// input: the problems are in the page. A body that is not whole JSON gives no events at all, so
    /// that the retried page delivers them.
    /// </summary>
    public LiveChatPage Parse(ReadOnlyMemory<byte> body)
    {
        var page = new PageBuilder(body);
        var reader = new Utf8JsonReader(body.Span);
        try
        {
            reader.Read();
            ReadEnvelope(ref reader, "$", page);
            if (reader.Read())
            {
                return LiveChatPage.Unreadable("the body is not JSON (more after the document)");
            }
        }
        catch (JsonException ex)
        {
            return LiveChatPage.Unreadable($"the body is not JSON ({ex.Message})");
        }

        // A response without either envelope is how YouTube says the chat is over.
        return page.FoundChat ? Finish(page) : new LiveChatPage(null, null, [], [], []);
    }

    private LiveChatPage Finish(PageBuilder page)
    {
        var events = new List<ChatEvent>(page.Events.Count);
        foreach (var chatEvent in page.Events)
        {
            if (chatEvent.Id is null || _recent.Add(string.Concat(chatEvent.Kind, "/", chatEvent.Id)))
            {
                events.Add(chatEvent);
            }
        }

        var unknown = page.Unknown.Where(name => _unknown.Count < 256 && _unknown.Add(name)).ToList();
        return new LiveChatPage(page.Continuation, page.Timeout, events, page.Problems, unknown);
    }

    // The reader is on the value of the root (or of "response"); anything but an object holds no chat.
    private void ReadEnvelope(ref Utf8JsonReader reader, string path, PageBuilder page)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("response"u8))
            {
                reader.Read();
                ReadEnvelope(ref reader, $"{path}.response", page);
            }
            else if (!page.FoundChat && reader.ValueTextEquals("continuationContents"u8))
            {
                ReadChat(ref reader, "liveChatContinuation"u8, $"{path}.continuationContents.liveChatContinuation", page);
            }
            else if (!page.FoundChat && reader.ValueTextEquals("contents"u8))
            {
                ReadChat(ref reader, "liveChatRenderer"u8, $"{path}.contents.liveChatRenderer", page);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadChat(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, string path, PageBuilder page)
    {
        if (!reader.NextObject())
        {
            return;
        }

        while (reader.NextProperty())
        {
            if (!page.FoundChat && reader.ValueTextEquals(name))
            {
                page.FoundChat = true;
                if (!reader.NextObject())
                {
                    continue;
                }

                while (reader.NextProperty())
                {
                    if (reader.ValueTextEquals("actions"u8))
                    {
                        ReadActions(ref reader, $"{path}.actions", page);
                    }
                    else if (reader.ValueTextEquals("continuations"u8))
                    {
                        ReadContinuations(ref reader, page);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // The first entry that carries a continuation of a known kind gives the token and the wait.
    private static void ReadContinuations(ref Utf8JsonReader reader, PageBuilder page)
    {
        if (!reader.NextArray())
        {
            return;
        }

        while (reader.NextObjectInArray())
        {
            while (reader.NextProperty())
            {
                if (page.Continuation is null && IsContinuationKind(ref reader) && reader.NextObject())
                {
                    ReadContinuation(ref reader, page);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private static bool IsContinuationKind(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("invalidationContinuationData"u8) || reader.ValueTextEquals("timedContinuationData"u8)
        || reader.ValueTextEquals("reloadContinuationData"u8) || reader.ValueTextEquals("liveChatReplayContinuationData"u8);

    private static void ReadContinuation(ref Utf8JsonReader reader, PageBuilder page)
    {
        string? token = null;
        long? timeoutMs = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("continuation"u8))
            {
                token = reader.NextString() ?? token;
            }
            else if (reader.ValueTextEquals("timeoutMs"u8))
            {
                timeoutMs = reader.NextInt64() ?? timeoutMs;
            }
            else
            {
                reader.Skip();
            }
        }

        if (token is { Length: > 0 })
        {
            page.Continuation = token;
            page.Timeout = timeoutMs is { } ms and >= 0 and <= int.MaxValue ? TimeSpan.FromMilliseconds(ms) : null;
        }
    }

    private sealed class PageBuilder(ReadOnlyMemory<byte> body)
    {
        public ReadOnlyMemory<byte> Body { get; } = body;

        public bool FoundChat { get; set; }

        public string? Continuation { get; set; }

        public TimeSpan? Timeout { get; set; }

        public List<ChatEvent> Events { get; } = [];

        public List<string> Problems { get; } = [];

        public List<string> Unknown { get; } = [];
    }
}
