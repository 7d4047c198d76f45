using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// Turns <c>get_live_chat</c> responses into events. Accepts the current envelope
/// (<c>continuationContents.liveChatContinuation</c>), the page's initial data
/// (<c>contents.liveChatRenderer</c>) and the older <c>{"response": {…}}</c> wrapper. One parser per
/// chat: it remembers recent item ids (an item on two overlapping pages is delivered once) and the
/// unknown renderer names it has already reported.
/// </summary>
internal sealed partial class LiveChatParser(string channel, int recentIdCapacity = 4096)
{
    private static readonly string[] ContinuationKinds =
        ["invalidationContinuationData", "timedContinuationData", "reloadContinuationData", "liveChatReplayContinuationData"];

    private readonly RecentIds _recent = new(recentIdCapacity);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);

    /// <summary>Reads one response body. Never throws for bad input: the problems are in the page.</summary>
    public LiveChatPage Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return LiveChatPage.Unreadable($"the body is not JSON ({ex.Message})");
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    /// <summary>Reads one parsed response (or the <c>ytInitialData</c> of a live-chat page).</summary>
    public LiveChatPage Parse(JsonElement root)
    {
        var prefix = "$";
        if (root.TryGet(out var wrapped, "response"))
        {
            (root, prefix) = (wrapped, "$.response");
        }

        if (root.TryGet(out var chat, "continuationContents", "liveChatContinuation"))
        {
            prefix += ".continuationContents.liveChatContinuation";
        }
        else if (root.TryGet(out chat, "contents", "liveChatRenderer"))
        {
            prefix += ".contents.liveChatRenderer";
        }
        else
        {
            // A response without either envelope is how YouTube says the chat is over.
            return new LiveChatPage(null, null, [], [], []);
        }

        var page = new PageBuilder();
        ReadActions(chat.Items("actions"), $"{prefix}.actions", page);
        var (continuation, timeout) = ReadContinuation(chat);
        return new LiveChatPage(continuation, timeout, page.Events, page.Problems, page.Unknown);
    }

    private static (string? Continuation, TimeSpan? Timeout) ReadContinuation(JsonElement chat)
    {
        foreach (var entry in chat.Items("continuations"))
        {
            foreach (var kind in ContinuationKinds)
            {
                if (entry.TryGet(out var data, kind) && data.String("continuation") is { Length: > 0 } token)
                {
                    var timeout = data.Int64("timeoutMs") is { } ms and >= 0 and <= int.MaxValue ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
                    return (token, timeout);
                }
            }
        }

        return (null, null);
    }

    private void ReadActions(IEnumerable<JsonElement> actions, string path, PageBuilder page)
    {
        var index = 0;
        foreach (var action in actions)
        {
            var at = $"{path}[{index++}]";
            if (!action.TrySingle(out var name, out var body))
            {
                page.Problems.Add($"not an action object at {at}");
                continue;
            }

            try
            {
                ReadAction(name, body, $"{at}.{name}", page);
            }
            catch (Exception ex) when (ex is SkippedItemException or InvalidOperationException or FormatException or ArgumentException)
            {
                page.Problems.Add(ex is SkippedItemException ? ex.Message : $"{ex.Message} at {at}.{name}");
            }
        }
    }

    private void ReadAction(string name, JsonElement body, string path, PageBuilder page)
    {
        switch (name)
        {
            case "addChatItemAction":
                if (!body.TryGet(out var item, "item") || !item.TrySingle(out var renderer, out var value))
                {
                    throw new SkippedItemException($"missing item at {path}");
                }

                Add(ReadItem(renderer, value, $"{path}.item.{renderer}", page), page);
                break;
            case "replayChatItemAction":
                ReadActions(body.Items("actions"), $"{path}.actions", page);
                break;
            case "markChatItemAsDeletedAction" or "removeChatItemAction":
                Add(Deleted(body, path), page);
                break;
            case "markChatItemsByAuthorAsDeletedAction":
                Add(AuthorRemoved(body, path), page);
                break;
            case var known when IgnoredActions.Contains(known):
                break;
            default:
                Unknown(name, page);
                break;
        }
    }

    private void Add(ChatEvent? chatEvent, PageBuilder page)
    {
        if (chatEvent is not null && (chatEvent.Id is null || _recent.Add($"{chatEvent.Kind}/{chatEvent.Id}")))
        {
            page.Events.Add(chatEvent);
        }
    }

    private void Unknown(string name, PageBuilder page)
    {
        if (_unknown.Count < 256 && _unknown.Add(name))
        {
            page.Unknown.Add(name);
        }
    }

    private sealed class PageBuilder
    {
        public List<ChatEvent> Events { get; } = [];

        public List<string> Problems { get; } = [];

        public List<string> Unknown { get; } = [];
    }
}
