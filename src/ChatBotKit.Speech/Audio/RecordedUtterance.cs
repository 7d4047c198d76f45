namespace ChatBotKit.Speech.Audio;

/// <summary>One utterance an <see cref="InMemoryAudioSink"/> received: its sample rate and every sample written.</summary>
public sealed record RecordedUtterance(int SampleRate, IReadOnlyList<short> Samples)
{
    /// <summary>How long the recorded audio plays.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Count / SampleRate);
}
