using System.Threading.Channels;
using ChatBotKit.Hosting;
using ChatBotKit.Scripting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot run</c>'s bot definition: its script. A reload (SIGHUP, or a save of the script or a file
/// it <c>#load</c>s, both through the host's <see cref="ChatBotReloader"/>) compiles it again with the
/// configuration as it is now. The old generation's stop hooks run and its code unloads only once the new
/// definition is in force; a script with errors is reported and the running one kept. Dispose it after the
/// host, so the last generation's stop hooks run once the bot has stopped.
/// </summary>
internal sealed class ScriptDefinitionSource(ScriptHost host, ScriptGeneration first, FileInfo script, LiveConfig values, IConfiguration configuration, string configFiles, CliStreams io, ILogger logger)
    : IChatBotDefinitionSource, IAsyncDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private ScriptGeneration? _current;
    private ScriptGeneration? _next = first;
    private Task _loop = Task.CompletedTask;

    public async Task<ChatBotDefinition> BuildAsync(CancellationToken cancellationToken)
    {
        if (_current is null)
        {
            return _next!.Definition;
        }

        values.Replace(CliConfiguration.ValuesOf(configuration));
        io.Status($"reloaded the configuration ({configFiles}); /health and /metrics keep their endpoint until a restart.");
        try
        {
            _next = await host.LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
            return _next.Definition;
        }
        catch (ScriptException e)
        {
            io.Status($"{script.Name} has errors; the running bot keeps its previous version:");
            CliStreams.Write(io.Error, e.Diagnostics);
            throw;
        }
    }

    public async Task CommitAsync(ChatBotDefinition definition, CancellationToken cancellationToken)
    {
        var old = _current;
        _current = _next ?? throw new InvalidOperationException("No definition was built.");
        _next = null;
        if (old is not null)
        {
            await old.StopAsync(logger, cancellationToken).ConfigureAwait(false);
            old.Dispose();
            Watch(null);
        }

        await _current.StartAsync(logger, cancellationToken).ConfigureAwait(false);
        if (old is not null)
        {
            io.Status($"reloaded {script.Name} (version {_current.Number}, sources: {RunCommand.Describe(definition)})");
        }
    }

    public void Discard(ChatBotDefinition definition)
    {
        _next?.Dispose();
        _next = null;
    }

    /// <summary>Reloads through <paramref name="reloader"/> whenever the script's files change (and have been quiet for a moment).</summary>
    public void Watch(ChatBotReloader? reloader)
    {
        lock (_watchers)
        {
            if (reloader is not null)
            {
                _loop = Task.Run(() => ServeAsync(reloader));
            }
            else if (_watchers.Count == 0 || _stopping.IsCancellationRequested)
            {
                return;
            }

            _watchers.ForEach(w => w.Dispose());
            _watchers.Clear();
            var files = new HashSet<string>(_current!.Script.Files, StringComparer.Ordinal);
            foreach (var folder in files.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).Where(Directory.Exists))
            {
                var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
                void OnChange(object? sender, FileSystemEventArgs e)
                {
                    if (files.Contains(e.FullPath) || (e is RenamedEventArgs r && files.Contains(r.OldFullPath)))
                    {
                        _changes.Writer.TryWrite(true);
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

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        lock (_watchers)
        {
            _watchers.ForEach(w => w.Dispose());
            _watchers.Clear();
        }

        await _loop.ConfigureAwait(false);
        foreach (var generation in new[] { _current, _next }.OfType<ScriptGeneration>().Distinct())
        {
            if (generation == _current)
            {
                await generation.StopAsync(logger).ConfigureAwait(false);
            }

            generation.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task ServeAsync(ChatBotReloader reloader)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                do
                {
                    _changes.Reader.TryRead(out _);
                    await Task.Delay(Debounce, _stopping.Token).ConfigureAwait(false);
                }
                while (_changes.Reader.TryPeek(out _));

                try
                {
                    await reloader.ReloadAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException && !_stopping.IsCancellationRequested)
                {
                    io.Status($"reloading {script.Name} failed ({e.GetType().Name}: {e.Message}); the running bot keeps its previous version.");
                }
            }
        }
        catch (Exception e) when (_stopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
