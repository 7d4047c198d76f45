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
    private ScriptFileWatcher? _watcher;
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
            _watcher?.Watch(next.Script.Files);
            await next.StartAsync(_logger, cancellationToken).ConfigureAwait(false);
            Reloaded?.Invoke(next);
            ScriptGeneration.CollectUnloaded();
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Asks for a reload without waiting (file watcher, SIGHUP); bursts collapse into one. Only while watching.</summary>
    public void RequestReload() => _watcher?.Request();

    /// <summary>Starts watching the script and every file it <c>#load</c>s, reloading after each quiet period.</summary>
    public void Watch() => _watcher ??= new ScriptFileWatcher(_current.Script.Files, ReloadAsync, Debounce);

    /// <summary>Stops watching, runs the current generation's stop hooks and unloads it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync().ConfigureAwait(false);
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        await _current.StopAsync(_logger).ConfigureAwait(false);
        _current.Dispose();
    }
}
