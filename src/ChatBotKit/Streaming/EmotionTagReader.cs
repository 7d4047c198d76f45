using System.Text;

namespace ChatBotKit.Streaming;

/// <summary>
/// Takes emotion tags such as <c>[happy]</c> out of streamed text, even when a tag is split across
/// tokens. Only the configured names count (any case); other bracketed text stays as it is.
/// Not thread-safe.
/// </summary>
internal sealed class EmotionTagReader
{
    private readonly string[] _tags;
    private readonly StringBuilder _candidate = new();

    /// <summary>Creates a reader for <paramref name="tags"/> (names without brackets).</summary>
    public EmotionTagReader(IReadOnlyCollection<string> tags) => _tags = [.. tags];

    /// <summary>
    /// Splits <paramref name="token"/> into text and tags, in order, into <paramref name="pieces"/>.
    /// The start of what may be a tag is held back until it is one or cannot become one.
    /// </summary>
    public void Read(string token, List<TaggedText> pieces)
    {
        if (_tags.Length == 0)
        {
            pieces.Add(new TaggedText(token, null));
            return;
        }

        var textStart = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (_candidate.Length == 0)
            {
                if (c == '[')
                {
                    AddText(pieces, token, textStart, i);
                    _candidate.Append(c);
                }

                continue;
            }

            _candidate.Append(c);
            if (c == ']' && Match() is { } tag)
            {
                _candidate.Clear();
                pieces.Add(new TaggedText(null, tag));
                textStart = i + 1;
            }
            else if (!CouldBeTag())
            {
                // Not a tag: the held text goes out as text, and a '[' in it may start the next one.
                var held = _candidate.ToString();
                _candidate.Clear();
                var restart = held.IndexOf('[', 1);
                pieces.Add(new TaggedText(restart < 0 ? held : held[..restart], null));
                if (restart > 0)
                {
                    _candidate.Append(held, restart, held.Length - restart);
                }

                textStart = i + 1;
            }
            else
            {
                textStart = i + 1;
            }
        }

        if (_candidate.Length == 0)
        {
            AddText(pieces, token, textStart, token.Length);
        }
    }

    /// <summary>Text held back at the end of the stream (an unfinished <c>[hap</c>), or <see langword="null"/>.</summary>
    public string? Flush()
    {
        if (_candidate.Length == 0)
        {
            return null;
        }

        var held = _candidate.ToString();
        _candidate.Clear();
        return held;
    }

    private static void AddText(List<TaggedText> pieces, string token, int start, int end)
    {
        if (end > start)
        {
            pieces.Add(new TaggedText(start == 0 && end == token.Length ? token : token[start..end], null));
        }
    }

    /// <summary>Whether the held text (starting with '[') is the start of a known tag.</summary>
    private bool CouldBeTag()
    {
        foreach (var tag in _tags)
        {
            if (IsStartOf(tag))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsStartOf(string tag)
    {
        // "[" + tag + "]"
        var length = _candidate.Length;
        if (length > tag.Length + 2)
        {
            return false;
        }

        for (var k = 1; k < length; k++)
        {
            var expected = k <= tag.Length ? tag[k - 1] : ']';
            if (char.ToLowerInvariant(_candidate[k]) != char.ToLowerInvariant(expected))
            {
                return false;
            }
        }

        return true;
    }

    private string? Match()
    {
        foreach (var tag in _tags)
        {
            if (_candidate.Length == tag.Length + 2 && IsStartOf(tag))
            {
                return tag;
            }
        }

        return null;
    }
}
