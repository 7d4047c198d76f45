using System.Text.Json;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.InnerTube;

/// <summary>Reads the two HTML pages that lead to a chat: the watch (or live) page and the <c>/live_chat</c> page.</summary>
internal static class ChatPages
{
    private static readonly string[] ContinuationKinds = ["reloadContinuationData", "invalidationContinuationData", "timedContinuationData"];

    /// <summary>The video id (<c>currentVideoEndpoint.watchEndpoint.videoId</c>) and the chat's first continuation (under <c>liveChatRenderer.continuations</c>) of a watch page.</summary>
    public static (string? VideoId, string? Continuation) ReadWatchPage(string html)
    {
        using var data = PageData.InitialData(html);
        if (data is null)
        {
            return (null, null);
        }

        var root = data.RootElement;
        var videoId = root.String("currentVideoEndpoint", "watchEndpoint", "videoId");
        var chat = Find(root, "liveChatRenderer", depth: 0);
        return (videoId, chat is { } renderer ? FirstContinuation(renderer.Items("continuations")) : null);
    }

    /// <summary>
    /// The continuation of the "Live chat" (all messages) view: index 1 of the view selector's
    /// <c>subMenuItems</c>, never found by title, which is translated. The header sits under
    /// <c>continuationContents.liveChatContinuation</c> (current) or <c>contents.liveChatRenderer</c> (older).
    /// </summary>
    public static string? ReadAllMessagesView(string html)
    {
        using var data = PageData.InitialData(html);
        if (data is null)
        {
            return null;
        }

        var root = data.RootElement;
        if (!root.TryGet(out var chat, "continuationContents", "liveChatContinuation") && !root.TryGet(out chat, "contents", "liveChatRenderer"))
        {
            return null;
        }

        var items = chat.Items("header", "liveChatHeaderRenderer", "viewSelector", "sortFilterSubMenuRenderer", "subMenuItems").ToList();
        return items.Count > 1 ? FirstContinuation([items[1].TryGet(out var c, "continuation") ? c : default]) : null;
    }

    private static string? FirstContinuation(IEnumerable<JsonElement> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var kind in ContinuationKinds)
            {
                if (entry.String(kind, "continuation") is { Length: > 0 } token)
                {
                    return token;
                }
            }
        }

        return null;
    }

    private static JsonElement? Find(JsonElement element, string name, int depth)
    {
        if (depth > 64)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name) && property.Value.ValueKind == JsonValueKind.Object)
                {
                    return property.Value;
                }

                if (Find(property.Value, name, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (Find(item, name, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
