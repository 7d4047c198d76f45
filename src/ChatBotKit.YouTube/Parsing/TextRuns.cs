using System.Text;
using System.Text.Json;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>Reads YouTube's formatted text: <c>{"simpleText": …}</c> or <c>{"runs": [{"text": …} | {"emoji": …}]}</c>.</summary>
internal static class TextRuns
{
    /// <summary>
    /// The plain text of <paramref name="text"/>; an emoji run becomes its first shortcut
    /// (<c>:smile:</c>), or its id when it has none. <see langword="null"/> when the field is absent.
    /// </summary>
    public static string? Read(JsonElement text)
    {
        if (text.String("simpleText") is { } simple)
        {
            return simple;
        }

        if (!text.TryGet(out var runs, "runs") || runs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var run in runs.EnumerateArray())
        {
            if (run.String("text") is { } plain)
            {
                builder.Append(plain);
            }
            else if (run.TryGet(out var emoji, "emoji"))
            {
                builder.Append(Shortcut(emoji));
            }
        }

        return builder.ToString();
    }

    /// <summary>The text at <paramref name="name"/> under <paramref name="item"/>, or <see langword="null"/>.</summary>
    public static string? Read(JsonElement item, string name) => item.TryGet(out var text, name) ? Read(text) : null;

    private static string Shortcut(JsonElement emoji)
    {
        foreach (var shortcut in emoji.Items("shortcuts"))
        {
            if (shortcut.ValueKind == JsonValueKind.String && shortcut.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }

        return emoji.String("emojiId") ?? string.Empty;
    }
}
