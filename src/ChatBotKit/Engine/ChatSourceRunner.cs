using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Engine;

/// <summary>
/// Feeds the events of chat sources into a <see cref="ChatBotEngine"/>, the one pump of the SDK: for
/// sources the caller made (<see cref="RunAsync"/>) and for the sources a bot declares
/// (<see cref="ChatBotDefinition.Sources"/>, opened by <see cref="ApplyAsync"/>). On a new definition, <see cref="ApplyAsync"/> reconciles:
/// a source whose name and settings are unchanged keeps its connection (joining and leaving changed
/// channels through <see cref="IChannelMembership"/>, or reconnecting when it cannot); a source whose
/// settings changed is replaced; a source no longer declared is closed. A source that fails to
/// start is tried again with backoff (1 s doubling to 60 s) until it connects, one log line per
/// failed try; a source that fails to read is logged. Either way the others go on.
/// </summary>
public sealed partial class ChatSourceRunner : IAsyncDisposable
{
    private static readonly TimeSpan StartRetryMinDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StartRetryMaxDelay = TimeSpan.FromSeconds(60);
    private readonly ChatBotEngine _engine;
    private readonly ChatSourceContext _context;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, RunningSource> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FailedSource> _failed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _applyChain = new();
    private Task _lastApply = Task.CompletedTask;
    private bool _disposed;

    /// <summary>Creates a runner feeding <paramref name="engine"/>; <paramref name="context"/> is handed to every source it creates.</summary>
    public ChatSourceRunner(ChatBotEngine engine, ChatSourceContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _context = context ?? new ChatSourceContext
        {
            LoggerFactory = engine.Options.LoggerFactory,
            TimeProvider = engine.Options.TimeProvider,
            MeterFactory = engine.Options.MeterFactory,
        };
        _logger = _context.LoggerFactory.CreateLogger("ChatBotKit.Sources");
    }

    /// <summary>A snapshot of every declared source, in name order.</summary>
    public IReadOnlyList<SourceStatus> GetSources()
    {
        lock (_running)
        {
            return
            [
                .. _running.Values.Select(r => r.Status())
                    .Concat(_failed.Values.Select(f => new SourceStatus(f.Registration.Name, null, ConnectionState.Disconnected, f.Registration.Channels, 0, null)))
                    .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase),
            ];
        }
    }

    /// <summary>Reaches the live source named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public IChatSource? GetSource(string name)
    {
        lock (_running)
        {
            return _running.TryGetValue(name, out var running) ? running.Source : null;
        }
    }

    /// <summary>
    /// Connects each of <paramref name="sources"/> and feeds its events to the engine until every source
    /// ends or <paramref name="cancellationToken"/> is cancelled; when the sources end, waits for the
    /// events still queued and their replies. A source that fails to read is logged and the others go on.
    /// The caller owns the sources and disposes them. With <see cref="ChatBotEngineOptions.ProcessSequentially"/>
    /// each event is handled fully before the next is read.
    /// </summary>
    public async Task RunAsync(IEnumerable<IChatSource> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        foreach (var source in list)
        {
            await source.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(list.Select(source => PumpAsync(source, source.Platform.ToString(), null, cancellationToken))).ConfigureAwait(false);
        await _engine.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the running sources match <paramref name="sources"/>. Calls are applied one after the
    /// other in call order, also when a caller does not await them; the runner awaits them on dispose.
    /// </summary>
    public Task ApplyAsync(IReadOnlyList<ChatSourceRegistration> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        lock (_applyChain)
        {
            var previous = _lastApply;
            _lastApply = ApplyAfterAsync(previous, [.. sources], cancellationToken);
            return _lastApply;
        }
    }

    /// <summary>
    /// Stops reading from every source but keeps the connections open, so replies still in flight
    /// can be sent while the engine drains. Call <see cref="DisposeAsync"/> afterwards to close them.
    /// </summary>
    public async Task StopReadingAsync()
    {
        List<RunningSource> all;
        lock (_running)
        {
            all = [.. _running.Values];
        }

        foreach (var running in all)
        {
            await running.Reading.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(all.Select(r => r.Pump)).ConfigureAwait(false);
    }

    /// <summary>Stops reading, then closes every source.</summary>
    public async ValueTask DisposeAsync()
    {
        Task last;
        lock (_applyChain)
        {
            last = _lastApply;
        }

        await last.ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            await StopRetriesAsync().ConfigureAwait(false);
            List<RunningSource> all;
            lock (_running)
            {
                all = [.. _running.Values];
                _running.Clear();
            }

            await Task.WhenAll(all.Select(CloseAsync)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ApplyAfterAsync(Task previous, List<ChatSourceRegistration> sources, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                await ReconcileAsync(sources, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RunnerLog.ApplyFailed(_logger, ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A declared source that has not connected yet, and its retry loop.</summary>
    private sealed record FailedSource(ChatSourceRegistration Registration, CancellationTokenSource Retry, Task Loop);
}
