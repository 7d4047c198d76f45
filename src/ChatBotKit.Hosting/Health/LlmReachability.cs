using ChatBotKit.AI;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Hosting.Health;

/// <summary>
/// Probes the backend of a bot (any client made by <see cref="LlmClient"/>) at most every 30 s in the background, so that
/// <c>/health</c> answers from the last result without waiting on the network.
/// </summary>
internal sealed class LlmReachability : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly Dictionary<LlmOptions, Entry> _entries = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _probes = [];

    /// <summary>The last report for <paramref name="client"/>; <see langword="null"/> when it was not made by <see cref="LlmClient"/> or is not probed yet.</summary>
    public LlmHealthReport? Last(IChatClient client, out bool probed)
    {
        probed = false;
        if (client.GetService(typeof(LlmOptions)) is not LlmOptions options)
        {
            return null;
        }

        probed = true;
        var now = Environment.TickCount64;
        lock (_entries)
        {
            if (!_entries.TryGetValue(options, out var entry))
            {
                entry = new Entry();
                _entries[options] = entry;
            }

            if (!entry.Running && now - entry.StartedAt >= Interval.TotalMilliseconds || entry.StartedAt == 0)
            {
                entry.Running = true;
                entry.StartedAt = now;
                _probes.RemoveAll(t => t.IsCompleted);
                _probes.Add(ProbeAsync(options, entry));
            }

            return entry.Report;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] probes;
        lock (_entries)
        {
            probes = [.. _probes];
        }

        await Task.WhenAll(probes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task ProbeAsync(LlmOptions options, Entry entry)
    {
        try
        {
            var report = await LlmHealthProbe.CheckAsync(options, _stopping.Token).ConfigureAwait(false);
            lock (_entries)
            {
                entry.Report = report;
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_entries)
            {
                entry.Running = false;
            }
        }
    }

    private sealed class Entry
    {
        public long StartedAt { get; set; }

        public bool Running { get; set; }

        public LlmHealthReport? Report { get; set; }
    }
}
