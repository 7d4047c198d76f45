using System.Text;

namespace ChatBotKit.Engine;

/// <summary>
/// Packs a streamed reply's phrases into chat messages of at most the platform's length. A message
/// is complete as soon as the text after it can no longer fit: when the next phrase would not fit,
/// or already when the text still waiting for a phrase boundary would not. The last message the
/// reply may have (its <c>maxMessages</c>) takes everything left, and the filters cut it with "…".
/// A length of zero or less means no limit: the reply is one message. Not thread-safe.
/// </summary>
internal sealed class ChatMessageCutter(int maxLength, int maxMessages)
{
    private readonly StringBuilder _message = new();
    private int _messagesOut;

    /// <summary>Whether the reply has all the messages it may have.</summary>
    public bool IsDone => _messagesOut >= maxMessages;

    private bool OnLastMessage => _messagesOut == maxMessages - 1;

    /// <summary>Adds a phrase; returns the message it completed, if any.</summary>
    public ChatDraft? Add(string phrase)
    {
        if (IsDone)
        {
            return null;
        }

        if (OnLastMessage || _message.Length == 0 || !Overflows(phrase.Length))
        {
            Append(phrase);
            return OnLastMessage && maxLength > 0 && _message.Length > maxLength ? Take(cutsTheRest: true) : null;
        }

        var complete = Take(cutsTheRest: false);
        Append(phrase);
        return complete;
    }

    /// <summary>The message in hand when <paramref name="pendingLength"/> characters still waiting for a boundary cannot join it.</summary>
    public ChatDraft? CloseIfFull(int pendingLength) =>
        !IsDone && !OnLastMessage && _message.Length > 0 && pendingLength > 0 && Overflows(pendingLength) ? Take(cutsTheRest: false) : null;

    /// <summary>The message in hand at the end of the reply, if any.</summary>
    public ChatDraft? Flush() => !IsDone && _message.Length > 0 ? Take(cutsTheRest: OnLastMessage) : null;

    private bool Overflows(int length) => maxLength > 0 && _message.Length + 1 + length > maxLength;

    private void Append(string phrase)
    {
        if (_message.Length > 0)
        {
            _message.Append(' ');
        }

        _message.Append(phrase);
    }

    private ChatDraft Take(bool cutsTheRest)
    {
        var text = _message.ToString();
        _message.Clear();
        _messagesOut++;
        return new ChatDraft(text, cutsTheRest);
    }
}
