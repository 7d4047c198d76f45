using ChatBotKit.Speech.Audio;

namespace ChatBotKit.Speech.LipSync;

/// <summary>
/// Measures a <see cref="MouthEnvelope"/> from audio: the RMS of each frame (default 20 ms), scaled
/// so that the utterance's loudest frame is 1; near-silence is a closed mouth.
/// </summary>
public static class MouthMeter
{
    /// <summary>The default frame: 20 ms, 50 levels a second.</summary>
    public static readonly TimeSpan DefaultFrame = TimeSpan.FromMilliseconds(20);

    /// <summary>Quieter than this (RMS as a fraction of full scale) counts as a closed mouth.</summary>
    private const double Silence = 0.005;

    /// <summary>Measures <paramref name="audio"/> in frames of <paramref name="frame"/> (20–33 ms suits lip sync; default 20 ms).</summary>
    public static MouthEnvelope Measure(PcmAudio audio, TimeSpan? frame = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var length = frame ?? DefaultFrame;
        var perFrame = Math.Max(1, (int)Math.Round(audio.SampleRate * length.TotalSeconds));
        var samples = audio.Samples.Span;
        var rms = new double[(samples.Length + perFrame - 1) / perFrame];
        for (var i = 0; i < rms.Length; i++)
        {
            var slice = samples.Slice(i * perFrame, Math.Min(perFrame, samples.Length - (i * perFrame)));
            double sum = 0;
            foreach (var sample in slice)
            {
                sum += (double)sample * sample;
            }

            rms[i] = Math.Sqrt(sum / slice.Length) / short.MaxValue;
        }

        var loudest = rms.DefaultIfEmpty(0).Max();
        var levels = new MouthLevel[rms.Length];
        for (var i = 0; i < rms.Length; i++)
        {
            var level = loudest < Silence || rms[i] < Silence ? 0 : rms[i] / loudest;
            levels[i] = new MouthLevel(length * i, (float)level);
        }

        return new MouthEnvelope(levels, TimeSpan.FromSeconds((double)samples.Length / audio.SampleRate));
    }
}
