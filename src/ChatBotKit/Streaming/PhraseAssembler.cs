using System.Text;

namespace ChatBotKit.Streaming;

/// <summary>
/// Turns streamed text tokens into phrases: it cuts at sentence ends (<c>. ! ? …</c>), at natural
/// pauses (a comma before "and", "but", "so", …), at the first comma when
/// <see cref="PhraseBufferOptions.FirstClauseEarly"/> is set, and after
/// <see cref="PhraseBufferOptions.MaxTokens"/> tokens. Text inside <c>&lt;think&gt;…&lt;/think&gt;</c> is dropped, even when a tag is split across tokens.
/// Not thread-safe; time limits are applied by <see cref="PhraseBuffer"/>.
/// </summary>
public sealed class PhraseAssembler
{
    private const string OpenTag = "<think>";
    private const string CloseTag = "</think>";
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _tag = new();
    private readonly PhraseBufferOptions _options;
    private bool _inThink;
    private int _tokens;
    private int _scanFrom;
    private int _phrasesOut;

    /// <summary>Creates an assembler.</summary>
    public PhraseAssembler(PhraseBufferOptions? options = null)
    {
        _options = options ?? new PhraseBufferOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTokens, 1);
    }

    /// <summary>Whether some visible text waits for a boundary.</summary>
    public bool HasPending => _pending.Length > 0;

    /// <summary>How many characters of visible text wait for a boundary.</summary>
    internal int PendingLength => _pending.Length;

    /// <summary>Adds a token; each phrase it completes is added to <paramref name="phrases"/>.</summary>
    public void Append(string? token, ICollection<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        var before = _pending.Length;
        foreach (var c in token)
        {
            Feed(c);
        }

        if (_pending.Length == before)
        {
            return;
        }

        _tokens++;
        CutAtBoundaries(phrases);
        if (_tokens >= _options.MaxTokens && Flush() is { } full)
        {
            phrases.Add(full);
        }
    }

    /// <summary>Emits whatever is pending as a phrase (at the end of a stream or when the wait is over).</summary>
    public string? Flush()
    {
        var text = _pending.ToString().Trim();
        _pending.Clear();
        _tokens = 0;
        _scanFrom = 0;
        if (text.Length == 0)
        {
            return null;
        }

        _phrasesOut++;
        return text;
    }

    private void Feed(char c)
    {
        var expected = _inThink ? CloseTag : OpenTag;
        if (_tag.Length > 0 || c == '<')
        {
            _tag.Append(c);
            if (!StartsWith(expected, _tag))
            {
                var partial = _tag.ToString();
                _tag.Clear();
                if (!_inThink)
                {
                    _pending.Append(partial, 0, partial.Length - 1);
                }

                if (c == '<')
                {
                    _tag.Append(c);
                }
                else if (!_inThink)
                {
                    _pending.Append(c);
                }
            }
            else if (_tag.Length == expected.Length)
            {
                _tag.Clear();
                _inThink = !_inThink;
            }

            return;
        }

        if (!_inThink)
        {
            _pending.Append(c);
        }
    }

    private void CutAtBoundaries(ICollection<string> phrases)
    {
        for (var i = _scanFrom; i < _pending.Length; i++)
        {
            var cut = BoundaryAfter(i);
            if (cut < 0)
            {
                continue;
            }

            if (cut == int.MaxValue)
            {
                _scanFrom = i;
                return;
            }

            var phrase = _pending.ToString(0, cut).Trim();
            _pending.Remove(0, cut);
            _tokens = _pending.Length > 0 ? 1 : 0;
            if (phrase.Length > 0)
            {
                _phrasesOut++;
                phrases.Add(phrase);
            }

            i = -1;
            _scanFrom = 0;
        }

        _scanFrom = _pending.Length;
    }

    /// <summary>The length of the phrase ending at <paramref name="i"/>, -1 for none, or <see cref="int.MaxValue"/> to wait for more text.</summary>
    private int BoundaryAfter(int i)
    {
        var c = _pending[i];
        if (c is '!' or '?' or '…' or '.')
        {
            if (i + 1 == _pending.Length)
            {
                return c == '.' && i > 0 && char.IsDigit(_pending[i - 1]) ? int.MaxValue : i + 1;
            }

            var next = _pending[i + 1];
            return char.IsWhiteSpace(next) ? i + 1 : -1;
        }

        if (c != ',')
        {
            return -1;
        }

        var rest = _pending.Length - i - 1;
        if (_options.FirstClauseEarly && _phrasesOut == 0)
        {
            return rest == 0 ? int.MaxValue : char.IsWhiteSpace(_pending[i + 1]) ? i + 1 : -1;
        }

        foreach (var word in _options.PauseWords)
        {
            if (rest >= word.Length + 2)
            {
                if (_pending[i + 1] == ' ' && Matches(i + 2, word, word.Length) && !char.IsLetterOrDigit(_pending[i + 2 + word.Length]))
                {
                    return i + 1;
                }
            }
            else if (rest == 0 || (_pending[i + 1] == ' ' && Matches(i + 2, word, rest - 1)))
            {
                return int.MaxValue;
            }
        }

        return -1;
    }

    private bool Matches(int start, string word, int length)
    {
        for (var k = 0; k < length; k++)
        {
            if (char.ToLowerInvariant(_pending[start + k]) != word[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(string expected, StringBuilder prefix)
    {
        if (prefix.Length > expected.Length)
        {
            return false;
        }

        for (var k = 0; k < prefix.Length; k++)
        {
            if (char.ToLowerInvariant(prefix[k]) != expected[k])
            {
                return false;
            }
        }

        return true;
    }
}
