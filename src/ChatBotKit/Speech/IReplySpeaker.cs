namespace ChatBotKit.Speech;

/// <summary>
/// Speaks the bot's replies while the model is still writing them: a text-to-speech pipeline, an
/// avatar's voice. The engine calls it once per reply with the reply's phrases as they are cut
/// from the stream, and records in the channel's context what the audience heard.
/// </summary>
public interface IReplySpeaker
{
    /// <summary>
    /// Speaks one reply. <paramref name="phrases"/> yields each phrase as soon as it is complete and
    /// ends when the reply is complete; the task ends when the last phrase was heard, or when the
    /// reply was interrupted (a newer reply of higher priority, a stop command, shutdown).
    /// </summary>
    Task<SpokenReply> SpeakAsync(SpeechRequest request, IAsyncEnumerable<ReplyPhrase> phrases, CancellationToken cancellationToken = default);
}
