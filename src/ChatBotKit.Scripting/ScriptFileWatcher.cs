using System.Threading.Channels;

namespace ChatBotKit.Scripting;

/// <summary>
/// Watches a script's files (the script and every file it <c>#load</c>s) and calls <c>reload</c> once they
/// have been quiet for <c>debounce</c>, so an editor's burst of writes counts once. Requests made while a
/// reload runs fold into one more after it.
/// </summary>
internal sealed class ScriptFileWatcher : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task> _reload;
    private readonly TimeSpan _debounce;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Task _loop;

    public ScriptFileWatcher(IReadOnlyList<string> files, Func<CancellationToken, Task> reload, TimeSpan debounce)
    {
        _reload = reload;
        _debounce = debounce;
        Watch(files);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Asks for a reload without waiting; bursts collapse into one.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>Watches <paramref name="files"/> from now on (a reload may have changed what the script loads).</summary>
    public void Watch(IReadOnlyList<string> files)
    {
        lock (_watchers)
        {
            _watchers.ForEach(w => w.Dispose());
            _watchers.Clear();
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var watched = new HashSet<string>(files, StringComparer.Ordinal);
            foreach (var folder in watched.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).Where(Directory.Exists))
            {
                var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
                void OnChange(object? sender, FileSystemEventArgs e)
                {
                    if (watched.Contains(e.FullPath) || (e is RenamedEventArgs r && watched.Contains(r.OldFullPath)))
                    {
                        Request();
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

    /// <summary>Stops watching and waits for a reload in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _requests.Writer.TryComplete();
        Watch([]);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                do
                {
                    _requests.Reader.TryRead(out _);
                    await Task.Delay(_debounce, _stopping.Token).ConfigureAwait(false);
                }
                while (_requests.Reader.TryPeek(out _));

                await _reload(_stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }
}
