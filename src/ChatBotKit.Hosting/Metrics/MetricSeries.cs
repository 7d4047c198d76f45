using System.Globalization;
using System.Text;

namespace ChatBotKit.Hosting.Metrics;

/// <summary>One labelled series: a value, or a histogram's bucket counts, sum and count.</summary>
internal sealed class MetricSeries(string labels, int bucketCount)
{
    private readonly long[] _buckets = new long[bucketCount];
    private double _sum;
    private long _count;

    public string Labels { get; } = labels;

    public double Value { get; set; }

    public void Add(MetricKind kind, double value, double[] bounds)
    {
        if (kind != MetricKind.Histogram)
        {
            Value += value;
            return;
        }

        _sum += value;
        _count++;
        for (var i = 0; i < bounds.Length; i++)
        {
            if (value <= bounds[i])
            {
                _buckets[i]++;
                break;
            }
        }
    }

    public void WriteHistogram(StringBuilder output, string name, double[] bounds)
    {
        long cumulative = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            cumulative += _buckets[i];
            Line(output, name + "_bucket", Labels, bounds[i].ToString("R", CultureInfo.InvariantCulture), cumulative);
        }

        Line(output, name + "_bucket", Labels, "+Inf", _count);
        Line(output, name + "_sum", Labels, null, _sum);
        Line(output, name + "_count", Labels, null, _count);
    }

    public static void Line(StringBuilder output, string name, string labels, string? le, double value)
    {
        output.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            output.Append('{').Append(labels);
            if (le is not null)
            {
                output.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            }

            output.Append('}');
        }

        output.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
