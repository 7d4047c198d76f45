namespace ChatBotKit.Speech;

/// <summary>
/// How far the mouth opens over an utterance, for lip sync: levels from 0 to 1 at offsets from the
/// start of playback, each held until the next. A voice measures it from its audio (loudness every
/// 20–33 ms); an avatar reads <see cref="LevelAt"/> with the time since the utterance started playing.
/// </summary>
public sealed class MouthEnvelope
{
    private readonly MouthLevel[] _levels;

    /// <summary>Wraps <paramref name="levels"/> (sorted by offset; levels clamped to 0–1, NaN read as 0) of an utterance that lasts <paramref name="duration"/>.</summary>
    public MouthEnvelope(IEnumerable<MouthLevel> levels, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _levels = [.. levels.Select(l => l with { Level = float.IsNaN(l.Level) ? 0 : Math.Clamp(l.Level, 0f, 1f) }).OrderBy(l => l.Offset)];
        Duration = duration;
    }

    /// <summary>The levels, in time order.</summary>
    public IReadOnlyList<MouthLevel> Levels => _levels;

    /// <summary>How long the utterance lasts; the mouth is closed after it.</summary>
    public TimeSpan Duration { get; }

    /// <summary>An envelope of one level every <paramref name="frame"/>, starting at offset zero.</summary>
    public static MouthEnvelope FromLevels(IReadOnlyList<float> levels, TimeSpan frame)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frame, TimeSpan.Zero);
        return new MouthEnvelope(levels.Select((level, i) => new MouthLevel(frame * i, level)), frame * levels.Count);
    }

    /// <summary>The level at <paramref name="offset"/> from the start: the last level at or before it; 0 before the first and from <see cref="Duration"/> on.</summary>
    public float LevelAt(TimeSpan offset)
    {
        if (offset >= Duration || _levels.Length == 0 || offset < _levels[0].Offset)
        {
            return 0;
        }

        int low = 0, high = _levels.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_levels[middle].Offset <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return _levels[low].Level;
    }
}
