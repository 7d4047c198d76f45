namespace ChatBotKit.VTubeStudio;

/// <summary>How open the mouth is at one moment of an utterance.</summary>
/// <param name="Offset">Time from the start of playback.</param>
/// <param name="Level">Openness from 0 (closed) to 1 (wide open), for example the RMS of the audio around <paramref name="Offset"/>.</param>
public readonly record struct MouthSample(TimeSpan Offset, float Level);
