namespace ChatBotKit.Speech.Audio;

/// <summary>Mono 16-bit signed audio at a sample rate: what a phrase sounds like once synthesised.</summary>
public sealed class PcmAudio
{
    /// <summary>Wraps <paramref name="samples"/> played at <paramref name="sampleRate"/> samples per second.</summary>
    public PcmAudio(int sampleRate, ReadOnlyMemory<short> samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
        Samples = samples;
    }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>The samples, one channel.</summary>
    public ReadOnlyMemory<short> Samples { get; }

    /// <summary>How long the audio plays.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
