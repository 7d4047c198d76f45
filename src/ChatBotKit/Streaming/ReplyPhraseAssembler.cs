using ChatBotKit.Speech;

namespace ChatBotKit.Streaming;

/// <summary>
/// A <see cref="PhraseAssembler"/> behind an <see cref="EmotionTagReader"/>: phrases without their
/// emotion tags, each carrying the emotion last tagged before its end. A tag inside a phrase applies
/// to that phrase and the ones after it. Not thread-safe.
/// </summary>
internal sealed class ReplyPhraseAssembler(PhraseBufferOptions options, IReadOnlyCollection<string> emotionTags)
{
    private readonly PhraseAssembler _phrases = new(options);
    private readonly EmotionTagReader _tags = new(emotionTags);
    private readonly List<TaggedText> _pieces = [];
    private readonly List<string> _ready = [];
    private string? _emotion;

    /// <summary>Whether some text waits for a boundary.</summary>
    public bool HasPending => _phrases.HasPending;

    /// <summary>How many characters of text wait for a boundary.</summary>
    public int PendingLength => _phrases.PendingLength;

    /// <summary>Adds a token; each phrase it completes is added to <paramref name="phrases"/>.</summary>
    public void Append(string token, List<ReplyPhrase> phrases)
    {
        _tags.Read(token, _pieces);
        foreach (var piece in _pieces)
        {
            if (piece.Tag is { } tag)
            {
                _emotion = tag;
                continue;
            }

            _phrases.Append(piece.Text, _ready);
            Take(phrases);
        }

        _pieces.Clear();
    }

    /// <summary>
    /// Emits whatever is pending into <paramref name="phrases"/>: at the end of the stream
    /// (<paramref name="endOfStream"/>, which also releases an unfinished tag as text) or when the wait is over.
    /// </summary>
    public void Flush(bool endOfStream, List<ReplyPhrase> phrases)
    {
        if (endOfStream && _tags.Flush() is { } held)
        {
            _phrases.Append(held, _ready);
        }

        if (_phrases.Flush() is { } last)
        {
            _ready.Add(last);
        }

        Take(phrases);
    }

    private void Take(List<ReplyPhrase> phrases)
    {
        foreach (var text in _ready)
        {
            phrases.Add(new ReplyPhrase(text, _emotion));
        }

        _ready.Clear();
    }
}
