using System.Diagnostics.Metrics;

namespace ChatBotKit.Hosting;

/// <summary>
/// <c>chatbotkit.reloads</c> by outcome (<c>succeeded</c>, <c>rejected</c>) on the meter
/// <see cref="MeterName"/>: the one count of reloads, for apps (<see cref="ChatBotReloader"/>) and for
/// the <c>streambot</c> tool's script reloads alike.
/// </summary>
internal sealed class ReloadCounter : IDisposable
{
    public const string MeterName = "ChatBotKit.Hosting";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _reloads;

    public ReloadCounter(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _reloads = _meter.CreateCounter<long>("chatbotkit.reloads", "{reload}", "Reloads (SIGHUP, a saved script or ChatBotReloader), by outcome.");
    }

    public void Succeeded() => Count("succeeded");

    public void Rejected() => Count("rejected");

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private void Count(string outcome) => _reloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
