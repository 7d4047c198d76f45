namespace ChatBotKit.Speech.Audio;

/// <summary>
/// Where spoken audio goes: a sound server, WAV files, memory. The speech pipeline plays one
/// utterance at a time: <see cref="BeginUtteranceAsync"/>, any number of
/// <see cref="WriteAsync"/> calls, then <see cref="EndUtteranceAsync"/> (also after an interrupt).
/// </summary>
public interface IAudioSink : IAsyncDisposable
{
    /// <summary>
    /// <see langword="true"/> when written audio is heard as it is written (a sound server): the
    /// pipeline then writes no faster than the audio plays, so an interrupt silences it at once.
    /// </summary>
    bool PlaysInRealTime { get; }

    /// <summary>Starts an utterance whose samples play at <paramref name="sampleRate"/>.</summary>
    ValueTask BeginUtteranceAsync(int sampleRate, CancellationToken cancellationToken = default);

    /// <summary>Plays the next samples of the current utterance (mono, 16-bit signed).</summary>
    ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default);

    /// <summary>Ends the current utterance, whether it played to its end or was interrupted.</summary>
    ValueTask EndUtteranceAsync(CancellationToken cancellationToken = default);
}
