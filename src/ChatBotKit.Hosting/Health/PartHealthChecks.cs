using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotKit.Hosting.Health;

/// <summary>
/// Runs the health checks a bot registers (<see cref="ChatBotBuilder.WithHealthCheck"/>) for
/// <c>/health</c> without waiting on them: each request starts a check unless its last one still
/// runs, and shows the newest finished result, so a check that answers at once (most do) is shown
/// at once and a slow one never holds the page up. A check that throws or times out counts as its
/// registration's failure status.
/// </summary>
internal sealed class PartHealthChecks : IAsyncDisposable
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();
    private readonly ConditionalWeakTable<HealthCheckRegistration, Entry> _entries = new();
    private readonly List<Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The newest result of <paramref name="registration"/>, after starting a new check; <see langword="null"/> until one finished.</summary>
    public HealthCheckResult? Last(HealthCheckRegistration registration)
    {
        var entry = _entries.GetValue(registration, static _ => new Entry());
        lock (entry)
        {
            if (entry.Running || _stopping.IsCancellationRequested)
            {
                return entry.Result;
            }

            entry.Running = true;
        }

        var check = RunAsync(registration, entry);
        if (!check.IsCompleted)
        {
            lock (_running)
            {
                _running.RemoveAll(t => t.IsCompleted);
                _running.Add(check);
            }
        }

        lock (entry)
        {
            return entry.Result;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunAsync(HealthCheckRegistration registration, Entry entry)
    {
        HealthCheckResult? result = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        if (registration.Timeout > TimeSpan.Zero)
        {
            timeout.CancelAfter(registration.Timeout);
        }

        try
        {
            var context = new HealthCheckContext { Registration = registration };
            result = await registration.Factory(NoServices).CheckHealthAsync(context, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            result = new HealthCheckResult(registration.FailureStatus, e is OperationCanceledException ? "the check timed out" : e.Message);
        }
        finally
        {
            lock (entry)
            {
                entry.Result = result ?? entry.Result;
                entry.Running = false;
            }
        }
    }

    private sealed class Entry
    {
        public bool Running { get; set; }

        public HealthCheckResult? Result { get; set; }
    }
}
