using System.Diagnostics.Metrics;

namespace ChatBotKit.AI.Policies;

/// <summary>The instruments <see cref="MetricsChatClient"/> records to, on the meter <see cref="MeterName"/>.</summary>
public sealed class LlmMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ChatBotKit.AI";

    private readonly bool _ownsMeter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own.</summary>
    public LlmMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Requests = Meter.CreateCounter<long>("chatbotkit.llm.requests", "{request}", "Calls made to a language model.");
        Failures = Meter.CreateCounter<long>("chatbotkit.llm.failures", "{request}", "Calls that failed, tagged by kind.");
        Duration = Meter.CreateHistogram<double>("chatbotkit.llm.duration", "s", "Time from a call to its full response.");
        TimeToFirstToken = Meter.CreateHistogram<double>("chatbotkit.llm.time_to_first_token", "s", "Time from a streamed call to its first text.");
        InputTokens = Meter.CreateCounter<long>("chatbotkit.llm.tokens.input", "{token}", "Prompt tokens the server reported.");
        OutputTokens = Meter.CreateCounter<long>("chatbotkit.llm.tokens.output", "{token}", "Completion tokens the server reported.");
    }

    /// <summary>The meter the instruments belong to.</summary>
    public Meter Meter { get; }

    internal Counter<long> Requests { get; }

    internal Counter<long> Failures { get; }

    internal Histogram<double> Duration { get; }

    internal Histogram<double> TimeToFirstToken { get; }

    internal Counter<long> InputTokens { get; }

    internal Counter<long> OutputTokens { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
