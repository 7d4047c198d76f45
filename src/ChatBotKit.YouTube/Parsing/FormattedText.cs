using System.Text;
using System.Text.Json;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// Reads YouTube's formatted text, <c>{"simpleText": …}</c> or <c>{"runs": [{"text": …} | {"emoji": …}]}</c>,
/// into plain text: an emoji run becomes its first shortcut (<c>:smile:</c>), or its id when it has none.
/// One instance per parser: it keeps its builder between calls.
/// </summary>
internal sealed class FormattedText
{
    private readonly StringBuilder _builder = new();

    /// <summary>
    /// The text of the property the reader is on, or <see langword="null"/> when it is not formatted
    /// text. With <paramref name="emotes"/>, each emoji and its place in the text (in code points) is added to it.
    /// </summary>
    public string? Next(ref Utf8JsonReader reader, List<YouTubeEmote>? emotes = null)
    {
        if (!reader.NextObject())
        {
            return null;
        }

        string? simple = null, runs = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("simpleText"u8))
            {
                simple = reader.NextString() ?? simple;
            }
            else if (reader.ValueTextEquals("runs"u8))
            {
                runs = reader.NextArray() ? Runs(ref reader, emotes) : runs;
            }
            else
            {
                reader.Skip();
            }
        }

        return simple ?? runs;
    }

    // The reader is on the runs' '['. A single run, the usual case, is returned without copying.
    private string Runs(ref Utf8JsonReader reader, List<YouTubeEmote>? emotes)
    {
        string? only = null;
        var pieces = 0;
        var codePoints = 0;
        _builder.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadRun(ref reader, emotes is not null) is not { } run)
            {
                continue;
            }

            if (emotes is not null)
            {
                var length = CodePoints(run.Text);
                if (run.Emoji is { } emoji)
                {
                    emotes.Add(emoji with { Start = codePoints, Length = length });
                }

                codePoints += length;
            }

            if (++pieces == 1)
            {
                only = run.Text;
                continue;
            }

            (pieces == 2 ? _builder.Append(only) : _builder).Append(run.Text);
        }

        return pieces switch
        {
            0 => string.Empty,
            1 => only!,
            _ => _builder.ToString(),
        };
    }

    // One run (the reader is on its '{'): its text, or the emoji's stand-in text with the emoji when details are asked for.
    private static (string Text, YouTubeEmote? Emoji)? ReadRun(ref Utf8JsonReader reader, bool details)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? text = null;
        YouTubeEmote? emoji = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("text"u8))
            {
                text = reader.NextString() ?? text;
            }
            else if (reader.ValueTextEquals("emoji"u8))
            {
                emoji = ReadEmoji(ref reader, details);
            }
            else
            {
                reader.Skip();
            }
        }

        return text is not null ? (text, null) : emoji is { } found ? (found.Text, details ? found : null) : null;
    }

    // An emoji object: the first non-empty shortcut or else the id stands for it; an emoji that is not an object stands as nothing.
    private static YouTubeEmote ReadEmoji(ref Utf8JsonReader reader, bool details)
    {
        string? id = null, shortcut = null, image = null;
        var custom = false;
        if (!reader.NextObject())
        {
            return new YouTubeEmote(string.Empty, string.Empty, 0, 0, false, null);
        }

        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("emojiId"u8))
            {
                id = reader.NextString() ?? id;
            }
            else if (reader.ValueTextEquals("shortcuts"u8))
            {
                shortcut = FirstShortcut(ref reader) ?? shortcut;
            }
            else if (details && reader.ValueTextEquals("isCustomEmoji"u8))
            {
                reader.Read();
                custom = reader.TokenType == JsonTokenType.True;
                reader.Skip();
            }
            else if (details && reader.ValueTextEquals("image"u8))
            {
                image = LastThumbnail(ref reader) ?? image;
            }
            else
            {
                reader.Skip();
            }
        }

        return new YouTubeEmote(id ?? string.Empty, shortcut ?? id ?? string.Empty, 0, 0, custom, image);
    }

    private static string? FirstShortcut(ref Utf8JsonReader reader)
    {
        string? first = null;
        if (reader.NextArray())
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (first is null && reader.TokenType == JsonTokenType.String && reader.Text() is { Length: > 0 } shortcut)
                {
                    first = shortcut;
                }

                reader.Skip();
            }
        }

        return first;
    }

    // image.thumbnails[].url: YouTube lists the sizes smallest first.
    private static string? LastThumbnail(ref Utf8JsonReader reader)
    {
        string? url = null;
        if (!reader.NextObject())
        {
            return null;
        }

        while (reader.NextProperty())
        {
            if (!reader.ValueTextEquals("thumbnails"u8) || !reader.NextArray())
            {
                reader.Skip();
                continue;
            }

            while (reader.NextObjectInArray())
            {
                while (reader.NextProperty())
                {
                    if (reader.ValueTextEquals("url"u8))
                    {
                        url = reader.NextString() ?? url;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }

        return url;
    }

    private static int CodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            count -= char.IsLowSurrogate(c) ? 1 : 0;
        }

        return count;
    }
}
