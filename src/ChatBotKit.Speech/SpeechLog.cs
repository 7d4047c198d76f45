using Microsoft.Extensions.Logging;

namespace ChatBotKit.Speech;

internal static partial class SpeechLog
{
    [LoggerMessage(1101, LogLevel.Warning, "Phrase {Index} of reply {CorrelationId} could not be synthesised and is skipped, leaving a gap in the speech: {Reason}")]
    public static partial void PhraseFailed(ILogger logger, int index, string correlationId, string reason);

    [LoggerMessage(1102, LogLevel.Error, "The bot cannot speak and keeps chatting in text: {Reason}")]
    public static partial void VoiceUnavailable(ILogger logger, string reason);

    [LoggerMessage(1103, LogLevel.Information, "Reply {CorrelationId} interrupted ({Reason}) after {Heard} of its phrases were heard")]
    public static partial void Interrupted(ILogger logger, string correlationId, string reason, int heard);

    [LoggerMessage(1104, LogLevel.Warning, "The phrases of reply {CorrelationId} stopped with an error; speaking what arrived")]
    public static partial void PhraseStreamFailed(ILogger logger, string correlationId, Exception exception);

    [LoggerMessage(1105, LogLevel.Warning, "A {Event} handler failed; speech goes on")]
    public static partial void HandlerFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(1106, LogLevel.Debug, "Audio player: {Line}")]
    public static partial void PlayerSaid(ILogger logger, string line);

    [LoggerMessage(1107, LogLevel.Warning, "Audio player {Program} exited (code {ExitCode}); it is started again with the next audio")]
    public static partial void PlayerExited(ILogger logger, string program, int? exitCode);

    [LoggerMessage(1108, LogLevel.Warning, "Audio player {Program} started again after a gap of {GapMilliseconds:F0} ms in the speech")]
    public static partial void PlayerRestarted(ILogger logger, string program, double gapMilliseconds);

    [LoggerMessage(1109, LogLevel.Error, "Audio player {Program} could not start ({Reason}); install it (pacat is in the Debian package pulseaudio-utils, pw-cat in pipewire-bin) or pick another sink")]
    public static partial void PlayerMissing(ILogger logger, string program, string reason);

    [LoggerMessage(1110, LogLevel.Error, "Speaking reply {CorrelationId} failed unexpectedly; text chat goes on")]
    public static partial void SpeakingFailed(ILogger logger, string correlationId, Exception exception);
}
