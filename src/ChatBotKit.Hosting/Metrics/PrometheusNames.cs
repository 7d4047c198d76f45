using System.Text;

namespace ChatBotKit.Hosting.Metrics;

/// <summary>Turns OpenTelemetry-style instrument names and units into Prometheus names, and escapes text.</summary>
internal static class PrometheusNames
{
    /// <summary>
    /// <c>System.Runtime</c> gauges whose names end in <c>_count</c>, which Prometheus keeps for
    /// histograms and summaries (<c>promtool check metrics</c> rejects them).
    /// </summary>
    private static readonly Dictionary<string, string> RuntimeGauges = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet_assemblies",
        ["dotnet.process.cpu.count"] = "dotnet_process_cpus",
        ["dotnet.thread_pool.thread.count"] = "dotnet_thread_pool_threads",
        ["dotnet.timer.count"] = "dotnet_timers",
    };

    /// <summary><c>chatbotkit.llm.duration</c> with unit <c>s</c> becomes <c>chatbotkit_llm_duration_seconds</c>.</summary>
    public static string Metric(string instrument, string? unit)
    {
        if (RuntimeGauges.TryGetValue(instrument, out var renamed))
        {
            return renamed;
        }

        var name = Sanitize(instrument, allowColon: true);
        var suffix = Unit(unit);
        return suffix.Length == 0 || name.EndsWith("_" + suffix, StringComparison.Ordinal) ? name : $"{name}_{suffix}";
    }

    public static string Label(string key) => Sanitize(key, allowColon: false);

    public static string Unit(string? unit) => unit switch
    {
        null or "" or "1" => "",
        _ when unit.StartsWith('{') => "",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        "%" => "percent",
        _ => Sanitize(unit, allowColon: false).Trim('_'),
    };

    public static string EscapeHelp(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string EscapeLabelValue(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Sanitize(string text, bool allowColon)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            builder.Append(ok ? char.ToLowerInvariant(c) : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
