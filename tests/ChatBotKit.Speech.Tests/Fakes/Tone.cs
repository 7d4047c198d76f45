using ChatBotKit.Speech.Audio;

namespace ChatBotKit.Speech.Tests.Fakes;

/// <summary>Sine tones, and the frequency of a recorded tone counted from its zero crossings.</summary>
public static class Tone
{
    public const int SampleRate = 8000;

    public static PcmAudio Make(double hertz, TimeSpan length, double amplitude = 0.5)
    {
        var samples = new short[(int)(SampleRate * length.TotalSeconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * hertz * i / SampleRate));
        }

        return new PcmAudio(SampleRate, samples);
    }

    public static double FrequencyOf(IReadOnlyList<short> samples, int sampleRate)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 / ((double)samples.Count / sampleRate);
    }
}
