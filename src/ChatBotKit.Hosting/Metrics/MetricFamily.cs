using System.Globalization;
using System.Text;

namespace ChatBotKit.Hosting.Metrics;

/// <summary>One Prometheus metric family: its type, help and one series per label set.</summary>
internal sealed class MetricFamily(string name, MetricKind kind, string help, double[] buckets)
{
    private readonly Dictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public MetricKind Kind { get; } = kind;

    public void Record(ReadOnlySpan<KeyValuePair<string, object?>> tags, double value, bool replace)
    {
        var labels = Labels(tags);
        lock (_series)
        {
            if (!_series.TryGetValue(labels, out var series))
            {
                series = new MetricSeries(labels, Kind == MetricKind.Histogram ? buckets.Length : 0);
                _series[labels] = series;
            }

            if (replace)
            {
                series.Value = value;
            }
            else
            {
                series.Add(Kind, value, buckets);
            }
        }
    }

    /// <summary>Observed values are recorded anew on every scrape.</summary>
    public void ResetObserved()
    {
        lock (_series)
        {
            foreach (var series in _series.Values)
            {
                series.Value = 0;
            }
        }
    }

    public void Write(StringBuilder output)
    {
        lock (_series)
        {
            if (_series.Count == 0)
            {
                return;
            }

            var type = Kind switch { MetricKind.Counter => "counter", MetricKind.Histogram => "histogram", _ => "gauge" };
            var name = Kind == MetricKind.Counter ? Name + "_total" : Name;
            output.Append("# HELP ").Append(name).Append(' ').Append(PrometheusNames.EscapeHelp(help)).Append('\n');
            output.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var series in _series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal))
            {
                if (Kind == MetricKind.Histogram)
                {
                    series.WriteHistogram(output, Name, buckets);
                }
                else
                {
                    MetricSeries.Line(output, name, series.Labels, null, series.Value);
                }
            }
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var pairs = new List<(string Key, string Value)>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            pairs.Add((PrometheusNames.Label(tag.Key), PrometheusNames.EscapeLabelValue(value)));
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join(',', pairs.Select(p => $"{p.Key}=\"{p.Value}\""));
    }
}
