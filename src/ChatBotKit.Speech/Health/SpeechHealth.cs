namespace ChatBotKit.Speech.Health;

/// <summary>
/// The voice over the last five minutes: its <see cref="Level"/>, how many phrases were synthesised,
/// the share that failed, and the mean time from a reply's first phrase to its first audio.
/// </summary>
public sealed record SpeechHealth(SpeechHealthLevel Level, long Phrases, double ErrorRate, TimeSpan? MeanFirstAudioLatency);
