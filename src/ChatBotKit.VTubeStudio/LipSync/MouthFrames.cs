using ChatBotKit.Speech;
namespace ChatBotKit.VTubeStudio;

/// <summary>
/// Decides, frame by frame, what to inject for one utterance: the envelope's level at the playback
/// position, sent when it changed or when the last value sent is about to lapse.
/// </summary>
internal sealed class MouthFrames(MouthEnvelope envelope, LipSyncOptions options, TimeProvider time, long playbackStarted)
{
    private double? _last;
    private long _lastSent;

    /// <summary>Whether playback has passed the end of the envelope.</summary>
    public bool Over => time.GetElapsedTime(playbackStarted) >= envelope.Duration;

    /// <summary>The level to send now, or <see langword="null"/> while the last one sent still holds.</summary>
    public double? Next()
    {
        var level = Math.Clamp(envelope.LevelAt(time.GetElapsedTime(playbackStarted)) * options.Gain, 0, 1);
        if (level == _last && time.GetElapsedTime(_lastSent) < options.KeepAlive)
        {
            return null;
        }

        _last = level;
        _lastSent = time.GetTimestamp();
        return level;
    }
}
