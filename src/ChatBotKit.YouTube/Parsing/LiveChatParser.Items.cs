using System.Text.Json;
using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

internal sealed partial class LiveChatParser
{
    // Actions and renderers that carry nothing a bot reacts to (tickers repeat paid items, banners and panels are UI).
    private static readonly byte[][] IgnoredActions =
    [
        .. new[]
        {
            "addLiveChatTickerItemAction", "addBannerToLiveChatCommand", "removeBannerForLiveChatCommand", "replaceChatItemAction",
            "updateLiveChatPollAction", "showLiveChatActionPanelAction", "closeLiveChatActionPanelAction", "showLiveChatTooltipCommand",
            "addLiveChatTextMessageFromTemplateAction", "liveChatReportModerationStateCommand", "showLiveChatDialogAction",
        }.Select(System.Text.Encoding.UTF8.GetBytes),
    ];

    private static readonly byte[][] IgnoredRenderers =
    [
        .. new[]
        {
            "liveChatPlaceholderItemRenderer", "liveChatViewerEngagementMessageRenderer", "liveChatModeChangeMessageRenderer",
            "liveChatModerationMessageRenderer", "liveChatAutoModMessageRenderer", "liveChatBannerRenderer",
        }.Select(System.Text.Encoding.UTF8.GetBytes),
    ];

    // The reader is on the "actions" property; each element is one action object.
    private void ReadActions(ref Utf8JsonReader reader, string path, PageBuilder page)
    {
        if (!reader.NextArray())
        {
            return;
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = index++;
            var found = false;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                // The one meaningful property, passing over the clickTrackingParams YouTube puts beside it.
                while (reader.NextProperty())
                {
                    if (found || reader.ValueTextEquals("clickTrackingParams"u8))
                    {
                        reader.Skip();
                        continue;
                    }

                    found = true;
                    ReadAction(ref reader, path, at, page);
                }
            }
            else
            {
                reader.Skip();
            }

            if (!found)
            {
                page.Problems.Add($"not an action object at {path}[{at}]");
            }
        }
    }

    // The reader is on the action's name; the action's whole value is consumed.
    private void ReadAction(ref Utf8JsonReader reader, string actions, int index, PageBuilder page)
    {
        if (reader.ValueTextEquals("addChatItemAction"u8))
        {
            ReadAddedItem(ref reader, new ItemPath(actions, index, "addChatItemAction"), page);
        }
        else if (reader.ValueTextEquals("replayChatItemAction"u8))
        {
            ReadReplay(ref reader, $"{actions}[{index}].replayChatItemAction.actions", page);
        }
        else if (reader.ValueTextEquals("markChatItemAsDeletedAction"u8))
        {
            ReadRemoval(ref reader, new ItemPath(actions, index, "markChatItemAsDeletedAction"), page);
        }
        else if (reader.ValueTextEquals("removeChatItemAction"u8))
        {
            ReadRemoval(ref reader, new ItemPath(actions, index, "removeChatItemAction"), page);
        }
        else if (reader.ValueTextEquals("markChatItemsByAuthorAsDeletedAction"u8))
        {
            ReadRemoval(ref reader, new ItemPath(actions, index, "markChatItemsByAuthorAsDeletedAction"), page);
        }
        else
        {
            if (!IsOneOf(ref reader, IgnoredActions))
            {
                page.Unknown.Add(reader.Text());
            }

            reader.Skip();
        }
    }

    // {"addChatItemAction": {"item": {"<renderer>": {…}}}}
    private void ReadAddedItem(ref Utf8JsonReader reader, ItemPath path, PageBuilder page)
    {
        var found = false;
        if (reader.NextObject())
        {
            while (reader.NextProperty())
            {
                if (!found && reader.ValueTextEquals("item"u8) && reader.NextObject())
                {
                    found = ReadItem(ref reader, path, page);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        if (!found)
        {
            page.Problems.Add(path.Missing("item"));
        }
    }

    // The reader is on the item's '{'; its one meaningful property is the renderer. False when it has none.
    private bool ReadItem(ref Utf8JsonReader reader, ItemPath path, PageBuilder page)
    {
        var found = false;
        while (reader.NextProperty())
        {
            if (found || reader.ValueTextEquals("clickTrackingParams"u8))
            {
                reader.Skip();
                continue;
            }

            found = true;
            var kind = RendererOf(ref reader);
            if (kind is null)
            {
                if (!IsOneOf(ref reader, IgnoredRenderers))
                {
                    page.Unknown.Add(reader.Text());
                }

                reader.Skip();
                continue;
            }

            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var fields = RendererFields.Read(ref reader, _text);
            var raw = page.Body.Slice(start, (int)reader.BytesConsumed - start);
            Add(_items.Item(kind, fields, raw, out var missing), missing, path with { Renderer = kind }, page);
        }

        return found;
    }

    private void ReadReplay(ref Utf8JsonReader reader, string path, PageBuilder page)
    {
        if (!reader.NextObject())
        {
            return;
        }

        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("actions"u8))
            {
                ReadActions(ref reader, path, page);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // A deletion names the item (targetItemId); a removal of an author's messages names the author (externalChannelId).
    private void ReadRemoval(ref Utf8JsonReader reader, ItemPath path, PageBuilder page)
    {
        string? target = null, author = null;
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.NextProperty())
            {
                if (reader.ValueTextEquals("targetItemId"u8))
                {
                    target = reader.NextString() ?? target;
                }
                else if (reader.ValueTextEquals("externalChannelId"u8))
                {
                    author = reader.NextString() ?? author;
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

        var raw = page.Body.Slice(start, (int)reader.BytesConsumed - start);
        if (path.Action == "markChatItemsByAuthorAsDeletedAction")
        {
            Add(author is { Length: > 0 } ? _items.AuthorRemoved(author, raw) : null, "externalChannelId", path, page);
        }
        else
        {
            Add(target is { Length: > 0 } ? _items.Deleted(target, raw) : null, "targetItemId", path, page);
        }
    }

    private static void Add(ChatEvent? chatEvent, string? missing, ItemPath path, PageBuilder page)
    {
        if (chatEvent is not null)
        {
            page.Events.Add(chatEvent);
        }
        else if (missing is not null)
        {
            page.Problems.Add(path.Missing(missing));
        }
    }

    private static string? RendererOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("liveChatTextMessageRenderer"u8) ? ChatItemMapper.TextMessage
        : reader.ValueTextEquals("liveChatPaidMessageRenderer"u8) ? ChatItemMapper.PaidMessage
        : reader.ValueTextEquals("liveChatPaidStickerRenderer"u8) ? ChatItemMapper.PaidSticker
        : reader.ValueTextEquals("liveChatMembershipItemRenderer"u8) ? ChatItemMapper.Membership
        : reader.ValueTextEquals("liveChatSponsorshipsGiftPurchaseAnnouncementRenderer"u8) ? ChatItemMapper.GiftPurchase
        : reader.ValueTextEquals("liveChatSponsorshipsGiftRedemptionAnnouncementRenderer"u8) ? ChatItemMapper.GiftRedemption
        : null;

    private static bool IsOneOf(ref Utf8JsonReader reader, byte[][] names)
    {
        foreach (var name in names)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where an item sits in the page; written out only when a problem is reported.</summary>
    private readonly record struct ItemPath(string Actions, int Index, string Action, string? Renderer = null)
    {
        /// <summary>The problem "missing <paramref name="field"/> at" this path.</summary>
        public string Missing(string field) => Renderer is null
            ? $"missing {field} at {Actions}[{Index}].{Action}"
            : $"missing {field} at {Actions}[{Index}].{Action}.item.{Renderer}";
    }
}
