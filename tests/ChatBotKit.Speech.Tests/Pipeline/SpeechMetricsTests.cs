using System.Diagnostics.Metrics;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Pipeline;
using ChatBotKit.Speech.Tests.Fakes;

namespace ChatBotKit.Speech.Tests.Pipeline;

public sealed class SpeechMetricsTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, string? Reason)> _measured = [];
    private object? _meter;

    public SpeechMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SpeechPipeline.MeterName && instrument.Meter == _meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i.Name, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i.Name, v, tags));
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task SpeakAsync_ARepliesPhrasesFailuresAndAnInterrupt_AreCounted()
    {
        using var meters = new OneMeter(m => _meter = m);
        await using var pipeline = new SpeechPipeline(new ToneSpeechClient(), new InMemoryAudioSink(), meterFactory: meters);
        _listener.Start();

        await pipeline.SpeakAsync(Phrases.Request(), Phrases.Of("tone 1", "fail", "tone 2"));
        var live = Phrases.Live();
        var waiting = pipeline.SpeakAsync(Phrases.Request(id: "r2"), Phrases.From(live));
        pipeline.Interrupt();
        await waiting;

        Names().Should().Contain(["chatbotkit.speech.first_audio", "chatbotkit.speech.synthesis.duration"]);
        Count("chatbotkit.speech.phrases").Should().Be(2);
        Count("chatbotkit.speech.tts.failures").Should().Be(1);
        _measured.Should().ContainSingle(m => m.Name == "chatbotkit.speech.interrupts").Which.Reason.Should().Be("stop");
    }

    private IEnumerable<string> Names()
    {
        lock (_measured)
        {
            return [.. _measured.Select(m => m.Name)];
        }
    }

    private double Count(string name)
    {
        lock (_measured)
        {
            return _measured.Where(m => m.Name == name).Sum(m => m.Value);
        }
    }

    private void Add(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? reason = null;
        foreach (var tag in tags)
        {
            reason = tag.Key == "reason" ? tag.Value as string : reason;
        }

        lock (_measured)
        {
            _measured.Add((name, value, reason));
        }
    }

    private sealed class OneMeter(Action<Meter> created) : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            created(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
