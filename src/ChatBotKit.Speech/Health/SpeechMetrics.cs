using System.Diagnostics.Metrics;

namespace ChatBotKit.Speech.Health;

/// <summary>The speech pipeline's instruments on the <c>ChatBotKit.Speech</c> meter.</summary>
internal sealed class SpeechMetrics : IDisposable
{
    public const string MeterName = "ChatBotKit.Speech";
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _firstAudio;
    private readonly Histogram<double> _synthesis;
    private readonly Counter<long> _phrases;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _interrupts;

    public SpeechMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _firstAudio = _meter.CreateHistogram<double>("chatbotkit.speech.first_audio", "s", "Time from a reply's first phrase to its first audio.");
        _synthesis = _meter.CreateHistogram<double>("chatbotkit.speech.synthesis.duration", "s", "Time to synthesise one phrase.");
        _phrases = _meter.CreateCounter<long>("chatbotkit.speech.phrases", "{phrase}", "Phrases played.");
        _failures = _meter.CreateCounter<long>("chatbotkit.speech.tts.failures", "{phrase}", "Phrases skipped because text to speech failed.");
        _interrupts = _meter.CreateCounter<long>("chatbotkit.speech.interrupts", "{reply}", "Replies interrupted, by reason.");
    }

    public void FirstAudio(TimeSpan latency) => _firstAudio.Record(latency.TotalSeconds);

    public void Synthesised(TimeSpan duration) => _synthesis.Record(duration.TotalSeconds);

    public void PhrasePlayed() => _phrases.Add(1);

    public void SynthesisFailed() => _failures.Add(1);

    public void Interrupted(string reason) => _interrupts.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
