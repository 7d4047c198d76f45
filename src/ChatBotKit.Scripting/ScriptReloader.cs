using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Scripting;

/// <summary>
/// Keeps the current generation of a script and replaces it on request: on success the new
/// definition goes to <c>apply</c> (for example <c>engine.SwapDefinition</c>), the old
/// generation's stop hooks run and it is unloaded; on failure the old one stays.
/// <see cref="Watch"/> adds file watching (the script and every <c>#load</c>ed file) with a debounce.
/// </summary>
public sealed class ScriptReloader : IAsyncDisposable
{
    private readonly ScriptHost _host;
    private readonly Action<ChatBotDefinition> _apply;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private Task? _loop;
    private ScriptGeneration _current;

    /// <summary>Takes over <paramref name="first"/> (already running) and reloads into <paramref name="apply"/>.</summary>
    public ScriptReloader(ScriptHost host, ScriptGeneration first, Action<ChatBotDefinition> apply, ILogger? logger = null)
    {
        _host = host;
        _current = first;
        _apply = apply;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The generation in force.</summary>
    public ScriptGeneration Current => Volatile.Read(ref _current);

    /// <summary>How long file changes must be quiet before a reload starts. Default 50 ms.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Raised after a successful reload, with the new generation.</summary>
    public event Action<ScriptGeneration>? Reloaded;

    /// <summary>Raised when a reload failed; the old generation keeps running.</summary>
    public event Action<ScriptException>? Failed;

    /// <summary>Compiles and runs the script again now. Returns the problem, or null on success.</summary>
    public async Task<ScriptException?> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var old = _current;
            ScriptGeneration next;
            try
            {
                next = await _host.LoadAsync(old.Script.Path, cancellationToken).ConfigureAwait(false);
            }
            catch (ScriptException e)
            {
                Failed?.Invoke(e);
                return e;
            }

            _apply(next.Definition);
            Volatile.Write(ref _current, next);
            await old.StopAsync(_logger, cancellationToken).ConfigureAwait(false);
            old.Dispose();
            CollectUnloaded();
            RewatchIfWatching();
            await next.StartAsync(_logger, cancellationToken).ConfigureAwait(false);
            Reloaded?.Invoke(next);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Asks for a reload without waiting (file watcher, SIGHUP); bursts collapse into one.</summary>
    public void RequestReload() => _requests.Writer.TryWrite(true);

    /// <summary>Starts watching the script and every file it <c>#load</c>s, reloading after each quiet period.</summary>
    public void Watch()
    {
        lock (_watchers)
        {
            if (_loop is not null)
            {
                return;
            }

            _loop = Task.Run(LoopAsync);
            Rewatch();
        }
    }

    /// <summary>Stops watching, runs the current generation's stop hooks and unloads it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _requests.Writer.TryComplete();
        lock (_watchers)
        {
            _watchers.ForEach(w => w.Dispose());
            _watchers.Clear();
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        await _current.StopAsync(_logger).ConfigureAwait(false);
        _current.Dispose();
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                // Debounce: wait until the files have been quiet for a moment.
                do
                {
                    _requests.Reader.TryRead(out _);
                    await Task.Delay(Debounce, _stopping.Token).ConfigureAwait(false);
                }
                while (_requests.Reader.TryPeek(out _));

                await ReloadAsync(_stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One full, blocking collection per reload. An unloaded generation's context (its code, the
    /// runtime's type data and JIT-compiled methods for it, held in native memory) is freed only by
    /// a full collection, and a bot that allocates little may go hours without one, so each reload
    /// would otherwise leave the old generation's native memory behind. Aggressive mode also hands
    /// the compiler's transient garbage back to the system.
    /// </summary>
    private static void CollectUnloaded() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private void RewatchIfWatching()
    {
        lock (_watchers)
        {
            if (_loop is not null && !_stopping.IsCancellationRequested)
            {
                Rewatch();
            }
        }
    }

    private void Rewatch()
    {
        _watchers.ForEach(w => w.Dispose());
        _watchers.Clear();
        var files = new HashSet<string>(_current.Script.Files, StringComparer.Ordinal);
        foreach (var folder in files.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            void OnChange(object? sender, FileSystemEventArgs e)
            {
                if (files.Contains(e.FullPath) || (e is RenamedEventArgs r && files.Contains(r.OldFullPath)))
                {
                    RequestReload();
                }
            }

            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += (s, e) => OnChange(s, e);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }
}
