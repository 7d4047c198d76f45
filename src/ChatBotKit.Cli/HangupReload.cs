using ChatBotKit.Hosting;
using ChatBotKit.Scripting;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot run</c>'s SIGHUP (through the host's <see cref="HangupSignal"/>, as apps): reads the
/// configuration again, then reloads the script. A bad configuration is reported, counted as a
/// rejected reload, and the running one kept. The reloader serializes SIGHUPs with file watching.
/// SIGHUP is taken from creation to disposal: create it before the bot and dispose it after, so a
/// SIGHUP while the bot stops is ignored instead of ending the process.
/// </summary>
internal sealed class HangupReload : IAsyncDisposable
{
    private readonly HangupSignal _signal = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Serves SIGHUPs with <paramref name="reloader"/> until <paramref name="cancellationToken"/> is cancelled or this is disposed.</summary>
    public void Serve(FileInfo script, FileInfo? config, LiveConfig values, ScriptReloader reloader, ReloadCounter reloads, CliStreams io, CancellationToken cancellationToken) =>
        Serve(ct => ReloadAsync(script, config, values, reloader, reloads, io, ct), cancellationToken);

    /// <summary>Serves SIGHUPs with <paramref name="reload"/> (<c>chat</c> asks the script reloader for one).</summary>
    public void Serve(Func<CancellationToken, Task> reload, CancellationToken cancellationToken) =>
        _loop = _signal.ServeAsync(reload, cancellationToken);

    /// <summary>Waits for a reload in progress, then stops taking SIGHUP.</summary>
    public async ValueTask DisposeAsync()
    {
        _signal.Complete();
        await _loop.ConfigureAwait(false);
        _signal.Dispose();
    }

    private static async Task ReloadAsync(FileInfo script, FileInfo? config, LiveConfig values, ScriptReloader reloader, ReloadCounter reloads, CliStreams io, CancellationToken cancellationToken)
    {
        CliConfiguration configuration;
        try
        {
            configuration = CliConfiguration.Load(script, config);
        }
        catch (Exception e) when (e is ChatBotConfigurationException or UsageException or IOException)
        {
            io.Status($"the new configuration is not valid; the running bot keeps its previous configuration:{Environment.NewLine}{e.Message}");
            reloads.Rejected();
            return;
        }

        values.Replace(configuration.Values);
        io.Status($"reloaded the configuration ({configuration.Describe()}); /health and /metrics keep their endpoint until a restart.");
        try
        {
            await reloader.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Script errors come back as a result; this is anything else. The next SIGHUP is served all the same.
            io.Status($"reloading the script failed ({e.GetType().Name}: {e.Message}); the running bot keeps its previous version.");
            reloads.Rejected();
        }
    }
}
