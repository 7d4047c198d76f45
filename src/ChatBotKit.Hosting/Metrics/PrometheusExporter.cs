using System.Diagnostics.Metrics;
using System.Text;

namespace ChatBotKit.Hosting.Metrics;

/// <summary>
/// Listens to the meters <c>ChatBotKit</c>, <c>ChatBotKit.AI</c>, every meter named <c>ChatBotKit.*</c>
/// (connectors) and .NET's <c>System.Runtime</c> (process CPU and memory, GC, thread pool) and writes what they measured in the Prometheus text exposition format (0.0.4),
/// followed by the standard <c>process_*</c> families (<see cref="ProcessFamilies"/>):
/// counters as <c>_total</c>, up-down counters and gauges as gauges, histograms with cumulative
/// <c>_bucket</c>, <c>_sum</c> and <c>_count</c>; the unit becomes a suffix (<c>s</c> → <c>_seconds</c>).
/// Instruments with the same name from several bots in one process add up.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    /// <summary>The meter .NET publishes its runtime and process instruments on (.NET 9 and later).</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>The content type of <see cref="Scrape"/>'s output.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] CountBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<Instrument, (MetricFamily Family, bool Replace)> _byInstrument = [];
    private readonly Func<Meter, bool> _include;
    private readonly bool _withProcess;

    /// <summary>
    /// Starts listening; <paramref name="include"/> overrides which meters are read (and leaves out
    /// the standard <c>process_*</c> families, which the default adds).
    /// </summary>
    public PrometheusExporter(Func<Meter, bool>? include = null)
    {
        _withProcess = include is null;
        _include = include ?? (meter => IsChatBotKitMeter(meter) || meter.Name == RuntimeMeterName);
        _listener.InstrumentPublished = Published;
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_families)
            {
                _byInstrument.Remove(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Whether <paramref name="meter"/> is one of ours: <c>ChatBotKit</c> or <c>ChatBotKit.*</c>.</summary>
    public static bool IsChatBotKitMeter(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return meter.Name == "ChatBotKit" || meter.Name.StartsWith("ChatBotKit.", StringComparison.Ordinal);
    }

    /// <summary>Reads the observable instruments and returns the whole exposition.</summary>
    public string Scrape()
    {
        List<MetricFamily> families;
        lock (_families)
        {
            families = [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
            foreach (var (instrument, entry) in _byInstrument)
            {
                if (instrument.IsObservable)
                {
                    entry.Family.ResetObserved();
                }
            }
        }

        _listener.RecordObservableInstruments();
        var output = new StringBuilder(4096);
        foreach (var family in families)
        {
            family.Write(output);
        }

        if (_withProcess)
        {
            ProcessFamilies.Write(output);
        }

        return output.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Published(Instrument instrument, MeterListener listener)
    {
        if (!_include(instrument.Meter))
        {
            return;
        }

        var kind = KindOf(instrument, out var replace);
        var name = PrometheusNames.Metric(instrument.Name, instrument.Unit);
        lock (_families)
        {
            if (!_families.TryGetValue(name, out var family))
            {
                var buckets = PrometheusNames.Unit(instrument.Unit) == "seconds" ? SecondsBuckets : CountBuckets;
                family = new MetricFamily(name, kind, instrument.Description ?? instrument.Name, buckets);
                _families[name] = family;
            }
            else if (family.Kind != kind)
            {
                return;
            }

            _byInstrument[instrument] = (family, replace);
        }

        listener.EnableMeasurementEvents(instrument);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        (MetricFamily Family, bool Replace) entry;
        lock (_families)
        {
            if (!_byInstrument.TryGetValue(instrument, out entry))
            {
                return;
            }
        }

        entry.Family.Record(tags, value, entry.Replace);
    }

    private static MetricKind KindOf(Instrument instrument, out bool replace)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        replace = definition == typeof(Gauge<>);
        if (definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>))
        {
            return MetricKind.Counter;
        }

        return definition == typeof(Histogram<>) ? MetricKind.Histogram : MetricKind.Gauge;
    }
}
