using System.Diagnostics.Metrics;

namespace ChatBotKit.Hosting.Health;

/// <summary>
/// Error rate and mean latency of LLM calls over the last five minutes, read from the
/// <c>ChatBotKit.AI</c> meter, and seed 004's level: healthy (&lt; 10 % errors and &lt; 2 s),
/// warning (10–20 % or 2–5 s), critical (&gt; 20 % or &gt; 5 s), unknown (fewer than 5 calls).
/// </summary>
internal sealed class LlmCallStats : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const int MinimumCalls = 5;
    private const int MaxSamples = 10_000;
    private readonly MeterListener _listener = new();
    private readonly Queue<(long Ticks, char Kind, double Value)> _samples = new();
    private readonly TimeProvider _time;

    public LlmCallStats(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ChatBotKit.AI" && instrument.Name is "chatbotkit.llm.requests" or "chatbotkit.llm.failures" or "chatbotkit.llm.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i.Name == "chatbotkit.llm.requests" ? 'r' : 'f', v));
        _listener.SetMeasurementEventCallback<double>((_, v, _, _) => Add('d', v));
        _listener.Start();
    }

    public (string Level, long Calls, double ErrorRate, double? MeanLatencySeconds) Snapshot()
    {
        long calls = 0, failures = 0, timed = 0;
        double latency = 0;
        lock (_samples)
        {
            Trim();
            foreach (var (_, kind, value) in _samples)
            {
                switch (kind)
                {
                    case 'r': calls += (long)value; break;
                    case 'f': failures += (long)value; break;
                    default: timed++; latency += value; break;
                }
            }
        }

        var rate = calls == 0 ? 0 : (double)failures / calls;
        double? mean = timed == 0 ? null : latency / timed;
        var level = calls < MinimumCalls ? "unknown"
            : rate > 0.2 || mean > 5 ? "critical"
            : rate >= 0.1 || mean >= 2 ? "warning"
            : "healthy";
        return (level, calls, rate, mean);
    }

    public void Dispose() => _listener.Dispose();

    private void Add(char kind, double value)
    {
        lock (_samples)
        {
            _samples.Enqueue((_time.GetUtcNow().UtcTicks, kind, value));
            if (_samples.Count > MaxSamples)
            {
                _samples.Dequeue();
            }
        }
    }

    private void Trim()
    {
        var oldest = (_time.GetUtcNow() - Window).UtcTicks;
        while (_samples.Count > 0 && _samples.Peek().Ticks < oldest)
        {
            _samples.Dequeue();
        }
    }
}
