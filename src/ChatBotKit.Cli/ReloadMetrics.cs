using System.Diagnostics.Metrics;
using ChatBotKit.Scripting;

namespace ChatBotKit.Cli;

/// <summary>
/// Counts the script's reloads in <c>chatbotkit.reloads</c> by outcome, on the meter <see cref="MeterName"/>.
/// Apps count their configuration reloads in the same counter, so <c>/metrics</c> shows in both
/// the saves and SIGHUPs that took and those that were rejected. Create it before anything reports
/// the reloads, so a reload is counted by the time it is reported.
/// </summary>
internal sealed class ReloadMetrics : IDisposable
{
    public const string MeterName = "ChatBotKit.Cli";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _reloads;

    public ReloadMetrics(ScriptReloader reloader)
    {
        _reloads = _meter.CreateCounter<long>("chatbotkit.reloads", "{reload}", "Script reloads (save or SIGHUP), by outcome.");
        reloader.Reloaded += _ => Count("succeeded");
        reloader.Failed += _ => Count("rejected");
    }

    /// <summary>Counts a reload refused before the script was compiled: a SIGHUP with an invalid configuration.</summary>
    public void Rejected() => Count("rejected");

    public void Dispose() => _meter.Dispose();

    private void Count(string outcome) => _reloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
