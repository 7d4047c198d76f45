using System.Diagnostics.Metrics;
using ChatBotKit.Filters;
using ChatBotKit.RateLimiting;

namespace ChatBotKit.Engine;

/// <summary>
/// The engine's instruments on the <c>ChatBotKit</c> meter. Any System.Diagnostics.Metrics
/// listener (OpenTelemetry, dotnet-counters, the hosting package's <c>/metrics</c>) can read them.
/// </summary>
public sealed class ChatBotMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ChatBotKit";

    private static readonly string[] OutcomeNames = Enum.GetNames<DecisionOutcome>();
    private static readonly string[] LimitNames = Enum.GetNames<RateLimitReason>();
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _triggers;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _filterRejections;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _swaps;
    private readonly Histogram<double> _firstToken;
    private readonly Histogram<double> _firstPhrase;
    private readonly Histogram<double> _tokenRate;

    internal ChatBotMetrics(IMeterFactory? meterFactory, Func<long> queueDepth)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _events = _meter.CreateCounter<long>("chatbotkit.events.received", "{event}", "Events taken into the engine.");
        _dropped = _meter.CreateCounter<long>("chatbotkit.events.dropped", "{event}", "Events dropped because a channel's queue was full.");
        _decisions = _meter.CreateCounter<long>("chatbotkit.decisions", "{event}", "Decisions about events, by outcome.");
        _triggers = _meter.CreateCounter<long>("chatbotkit.triggers.fired", "{trigger}", "Triggers that fired, by kind.");
        _rateLimited = _meter.CreateCounter<long>("chatbotkit.rate_limited", "{reply}", "Replies blocked by a rate limit, by reason.");
        _filterRejections = _meter.CreateCounter<long>("chatbotkit.filter.rejections", "{reply}", "Replies rejected by a response filter, by filter and reason.");
        _sent = _meter.CreateCounter<long>("chatbotkit.messages.sent", "{message}", "Messages the bot sent.");
        _swaps = _meter.CreateCounter<long>("chatbotkit.definition.swaps", "{swap}", "Bot definitions swapped in.");
        _firstToken = _meter.CreateHistogram<double>("chatbotkit.reply.first_token", "s", "Time from asking the LLM for a reply to the reply's first text.");
        _firstPhrase = _meter.CreateHistogram<double>("chatbotkit.reply.first_phrase", "s", "Time from asking the LLM for a reply to its first complete phrase, the first thing that can be spoken or sent.");
        _tokenRate = _meter.CreateHistogram<double>("chatbotkit.reply.tokens_per_second", "{token}/s", "Tokens per second while a reply streams, from its first token to its last.");
        _meter.CreateObservableGauge("chatbotkit.queue.depth", queueDepth, "{event}", "Events waiting in all channel queues.");
    }

    internal void EventReceived(string kind) => _events.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void EventDropped() => _dropped.Add(1);

    internal void Decided(DecisionOutcome outcome) => _decisions.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeNames[(int)outcome]));

    internal void TriggerFired(string kind) => _triggers.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void RateLimited(RateLimitReason reason) => _rateLimited.Add(1, new KeyValuePair<string, object?>("reason", LimitNames[(int)reason]));

    internal void FilterRejected(FilterOutcome outcome) => _filterRejections.Add(
        1,
        new KeyValuePair<string, object?>("filter", outcome.RejectedBy),
        new KeyValuePair<string, object?>("reason", outcome.Reason));

    internal void MessageSent() => _sent.Add(1);

    internal void DefinitionSwapped() => _swaps.Add(1);

    internal void FirstToken(TimeSpan latency) => _firstToken.Record(latency.TotalSeconds);

    internal void FirstPhrase(TimeSpan latency) => _firstPhrase.Record(latency.TotalSeconds);

    internal void TokenRate(double tokensPerSecond) => _tokenRate.Record(tokensPerSecond);

    internal static string LimitName(RateLimitReason reason) => LimitNames[(int)reason];

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
