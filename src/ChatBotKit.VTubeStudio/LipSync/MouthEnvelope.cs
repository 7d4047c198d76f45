namespace ChatBotKit.VTubeStudio;

/// <summary>
/// The mouth movement of one utterance: levels at increasing offsets from the start of playback,
/// each holding until the next, and a <see cref="Duration"/> after which the mouth is closed. A
/// speech pipeline makes one from the audio's loudness (RMS per 20–33 ms).
/// </summary>
public sealed class MouthEnvelope
{
    private readonly MouthSample[] _samples;

    /// <summary>An envelope of <paramref name="samples"/> (sorted by offset here, levels clamped to 0–1) lasting <paramref name="duration"/>.</summary>
    public MouthEnvelope(IEnumerable<MouthSample> samples, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _samples = [.. samples.Select(s => s with { Level = float.IsNaN(s.Level) ? 0 : Math.Clamp(s.Level, 0f, 1f) }).OrderBy(s => s.Offset)];
        Duration = duration;
    }

    /// <summary>The samples, by offset.</summary>
    public IReadOnlyList<MouthSample> Samples => _samples;

    /// <summary>How long the utterance plays.</summary>
    public TimeSpan Duration { get; }

    /// <summary>An envelope of equally spaced <paramref name="levels"/>, one per <paramref name="step"/> (e.g. RMS per 20 ms).</summary>
    public static MouthEnvelope FromLevels(IReadOnlyList<float> levels, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        return new MouthEnvelope(levels.Select((level, i) => new MouthSample(step * i, level)), step * levels.Count);
    }

    /// <summary>The level at <paramref name="offset"/>: the last sample at or before it; 0 before the first sample and from <see cref="Duration"/> on.</summary>
    public float LevelAt(TimeSpan offset)
    {
        if (offset >= Duration || _samples.Length == 0 || offset < _samples[0].Offset)
        {
            return 0;
        }

        int low = 0, high = _samples.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_samples[middle].Offset <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return _samples[low].Level;
    }
}
