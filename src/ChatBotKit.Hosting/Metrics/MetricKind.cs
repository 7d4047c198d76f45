namespace ChatBotKit.Hosting.Metrics;

/// <summary>How a family is exposed.</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
