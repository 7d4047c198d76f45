using ChatBotKit.AI;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Hosting.Health;

/// <summary>
/// Probes the OpenAI-compatible backend of a bot at most every 30 s in the background, so that
/// <c>/health</c> answers from the last result without waiting on the network.
/// </summary>
internal sealed class LlmReachability : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly Dictionary<OpenAICompatibleOptions, Entry> _entries = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _probes = [];

    /// <summary>The last report for <paramref name="client"/>; <see langword="null"/> when it is not an OpenAI-compatible client or not probed yet.</summary>
    public LlmHealthReport? Last(IChatClient client, out bool probed)
    {
        probed = false;
        if (client.GetService(typeof(OpenAICompatibleChatClient)) is not OpenAICompatibleChatClient compatible)
        {
            return null;
        }

        probed = true;
        var now = Environment.TickCount64;
        lock (_entries)
        {
            if (!_entries.TryGetValue(compatible.Options, out var entry))
            {
                entry = new Entry();
                _entries[compatible.Options] = entry;
            }

            if (!entry.Running && now - entry.StartedAt >= Interval.TotalMilliseconds || entry.StartedAt == 0)
            {
                entry.Running = true;
                entry.StartedAt = now;
                _probes.RemoveAll(t => t.IsCompleted);
                _probes.Add(ProbeAsync(compatible.Options, entry));
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

    private async Task ProbeAsync(OpenAICompatibleOptions options, Entry entry)
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
