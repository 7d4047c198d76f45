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
/// host, so the last generation's stop hooks run once the bot has stopped. On the console
/// (<paramref name="onConsole"/>) the declared sources stay closed, also after a reload that declares some.
/// </summary>
internal sealed class ScriptDefinitionSource(
    ScriptHost host, ScriptGeneration first, FileInfo script, LiveConfig values, IConfiguration configuration, string configFiles, bool onConsole, CliStreams io, ILogger logger)
    : IChatBotDefinitionSource, IAsyncDisposable
{
    private ScriptFileWatcher? _watcher;
    private ScriptGeneration? _current;
    private ScriptGeneration? _next = first;
    private IReadOnlyDictionary<string, string>? _replacedValues;

    public bool OpensDeclaredSources => !onConsole;

    public async Task<ChatBotDefinition> BuildAsync(CancellationToken cancellationToken)
    {
        if (_current is null)
        {
            return _next!.Definition;
        }

        _replacedValues = values.Replace(CliConfiguration.ValuesOf(configuration));
        try
        {
            _next = await host.LoadAsync(script.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (ScriptException e)
        {
            RestoreValues();
            io.Status($"{script.Name} has errors; the running bot keeps its previous version and configuration:");
            CliStreams.Write(io.Error, e.Diagnostics);
            throw;
        }

        io.Status($"reloaded the configuration ({configFiles}); /health and /metrics keep their endpoint until a restart.");
        return _next.Definition;
    }

    // The running generation reads Config as it runs: a reload that does not take effect must not change it.
    private void RestoreValues()
    {
        if (_replacedValues is { } previous)
        {
            values.Replace(previous);
            _replacedValues = null;
        }
    }

    public async Task CommitAsync(ChatBotDefinition definition, CancellationToken cancellationToken)
    {
        _replacedValues = null;
        var old = _current;
        _current = _next ?? throw new InvalidOperationException("No definition was built.");
        _next = null;
        if (old is not null)
        {
            await old.StopAsync(logger, cancellationToken).ConfigureAwait(false);
            old.Dispose();
            _watcher?.Watch(_current.Script.Files);
        }

        await _current.StartAsync(logger, cancellationToken).ConfigureAwait(false);
        if (old is not null)
        {
            io.Status($"reloaded {script.Name} (version {_current.Number}, {Describe(definition)})");
            ScriptGeneration.CollectUnloaded();
        }
    }

    private string Describe(ChatBotDefinition definition) => !onConsole
        ? $"sources: {RunCommand.Describe(definition)}"
        : $"{definition.Triggers.Count} trigger(s)" + (definition.Sources.Count > 0 ? "; it now declares sources: restart 'run' to open them" : "");

    public void Discard(ChatBotDefinition definition)
    {
        RestoreValues();
        _next?.Dispose();
        _next = null;
    }

    /// <summary>Reloads through <paramref name="reloader"/> whenever the script's files change (and have been quiet for a moment).</summary>
    public void Watch(ChatBotReloader reloader) =>
        _watcher = new ScriptFileWatcher(_current!.Script.Files, ct => ReloadAsync(reloader, ct), TimeSpan.FromMilliseconds(50));

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var generation in new[] { _current, _next }.OfType<ScriptGeneration>().Distinct())
        {
            if (generation == _current)
            {
                await generation.StopAsync(logger).ConfigureAwait(false);
            }

            generation.Dispose();
        }
    }

    private async Task ReloadAsync(ChatBotReloader reloader, CancellationToken cancellationToken)
    {
        try
        {
            await reloader.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The host is gone: the command is stopping.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            io.Status($"reloading {script.Name} failed ({e.GetType().Name}: {e.Message}); the running bot keeps its previous version.");
        }
    }
}
