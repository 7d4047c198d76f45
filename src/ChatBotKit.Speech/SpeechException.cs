namespace ChatBotKit.Speech;

/// <summary>
/// A phrase could not be turned into audio: the text-to-speech program is missing, the server
/// timed out, answered with something that is not audio, or cut the audio short.
/// </summary>
public sealed class SpeechException : ChatBotKitException
{
    /// <summary>Creates the exception.</summary>
    public SpeechException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SpeechException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SpeechException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>
    /// <see langword="true"/> when the voice cannot work at all until something is installed or
    /// configured (for example espeak-ng is not installed), rather than one phrase failing.
    /// </summary>
    public bool VoiceUnavailable { get; init; }
}
