namespace ChatBotKit.Speech.Health;

/// <summary>
/// Phrase outcomes and first-audio latencies over the last five minutes, judged by seed 004's
/// levels: healthy (&lt; 10 % errors and &lt; 2 s), warning (10–20 % or 2–5 s), critical
/// (&gt; 20 % or &gt; 5 s), unknown (fewer than 5 phrases).
/// </summary>
internal sealed class SpeechHealthTracker(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const int MinimumPhrases = 5;
    private const int MaxSamples = 10_000;
    private readonly Queue<(DateTimeOffset At, bool? Succeeded, double Latency)> _samples = new();

    public void PhraseSynthesised(bool succeeded) => Add((time.GetUtcNow(), succeeded, 0));

    public void FirstAudio(TimeSpan latency) => Add((time.GetUtcNow(), null, latency.TotalSeconds));

    public SpeechHealth Snapshot()
    {
        long phrases = 0, failures = 0, timed = 0;
        double latency = 0;
        lock (_samples)
        {
            Trim();
            foreach (var (_, succeeded, seconds) in _samples)
            {
                if (succeeded is { } ok)
                {
                    phrases++;
                    failures += ok ? 0 : 1;
                }
                else
                {
                    timed++;
                    latency += seconds;
                }
            }
        }

        var rate = phrases == 0 ? 0 : (double)failures / phrases;
        double? mean = timed == 0 ? null : latency / timed;
        var level = phrases < MinimumPhrases ? SpeechHealthLevel.Unknown
            : rate > 0.2 || mean > 5 ? SpeechHealthLevel.Critical
            : rate >= 0.1 || mean >= 2 ? SpeechHealthLevel.Warning
            : SpeechHealthLevel.Healthy;
        return new SpeechHealth(level, phrases, rate, mean is { } m ? TimeSpan.FromSeconds(m) : null);
    }

    private void Add((DateTimeOffset, bool?, double) sample)
    {
        lock (_samples)
        {
            _samples.Enqueue(sample);
            if (_samples.Count > MaxSamples)
            {
                _samples.Dequeue();
            }
        }
    }

    private void Trim()
    {
        var oldest = time.GetUtcNow() - Window;
        while (_samples.Count > 0 && _samples.Peek().At < oldest)
        {
            _samples.Dequeue();
        }
    }
}
