using System.Diagnostics.Metrics;

namespace ChatBotKit.Tests.Fakes;

/// <summary>Every value recorded to the histograms of the meters <see cref="TestMeterFactory"/> made, by instrument name.</summary>
public sealed class RecordedHistograms : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, List<double>> _values = [];

    public RecordedHistograms(TestMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meters.Created.Contains(instrument.Meter) && instrument is Histogram<double>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_values)
            {
                _values.TryAdd(instrument.Name, []);
                _values[instrument.Name].Add(value);
            }
        });
        _listener.Start();
    }

    /// <summary>The values recorded to <paramref name="instrument"/> so far, oldest first.</summary>
    public IReadOnlyList<double> this[string instrument]
    {
        get
        {
            lock (_values)
            {
                return _values.TryGetValue(instrument, out var values) ? [.. values] : [];
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
