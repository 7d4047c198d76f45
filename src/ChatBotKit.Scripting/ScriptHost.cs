using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Scripting;

/// <summary>
/// Compiles a script, loads it into its own collectible context, runs its top level with a
/// time limit and builds the bot it describes.
/// </summary>
public sealed class ScriptHost
{
    private int _generations;

    /// <summary>Creates a host around a (possibly shared, already warm) compiler.</summary>
    public ScriptHost(ScriptCompiler compiler, ScriptHostOptions? options = null)
    {
        Compiler = compiler;
        Options = options ?? new ScriptHostOptions();
    }

    /// <summary>How long one start or stop hook may run.</summary>
    public static TimeSpan HookTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The compiler.</summary>
    public ScriptCompiler Compiler { get; }

    /// <summary>The host's settings.</summary>
    public ScriptHostOptions Options { get; }

    /// <summary>Compiles and runs the script at <paramref name="path"/>; throws <see cref="ScriptException"/>.</summary>
    public async Task<ScriptGeneration> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var script = await Task.Run(() => Compiler.Compile(path), cancellationToken).ConfigureAwait(false);
        return await RunAsync(script, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads an already compiled script into a new generation and runs its top level.</summary>
    public async Task<ScriptGeneration> RunAsync(CompiledScript script, CancellationToken cancellationToken = default)
    {
        CheckPresetSettings(script);
        var number = Interlocked.Increment(ref _generations);
        var context = new ScriptLoadContext($"streambot-generation-{number}");
        var logger = (Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Script");
        var globals = new ScriptGlobals(script.Path, logger, Options.Config, Options.Environment);
        try
        {
            var definition = await RunTopLevelAsync(script, context, globals, cancellationToken).ConfigureAwait(false);
            return new ScriptGeneration(number, script, definition, globals, context);
        }
        catch
        {
            globals.Hooks.Clear();
            context.Unload();
            throw;
        }
    }

    /// <summary>The first stack frame of <paramref name="exception"/> that lies in one of <paramref name="files"/>, as <c>path(line,col)</c>.</summary>
    public static string? Locate(Exception exception, IReadOnlyList<string> files) =>
        Frame(exception, files) is { } f ? $"{f.Path}({f.Line},{f.Column})" : null;

    private async Task<ChatBotDefinition> RunTopLevelAsync(CompiledScript script, ScriptLoadContext context, ScriptGlobals globals, CancellationToken cancellationToken)
    {
        using var image = new MemoryStream(script.Image);
        using var symbols = new MemoryStream(script.Symbols);
        var assembly = context.LoadFromStream(image, symbols);
        var factory = assembly.GetType(script.EntryType, throwOnError: true)!
            .GetMethod(script.EntryMethod, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object?[], Task<object>>>();

        // The top level runs on the pool so that a script stuck in a loop cannot hold the caller.
        var run = Task.Run(() => factory([globals, null]), CancellationToken.None);
        try
        {
            await run.WaitAsync(Options.TopLevelTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ScriptException([new ScriptDiagnostic(script.Path, 0, 0, "error", ScriptDiagnostic.TopLevelTimedOut,
                $"the script's top-level code did not finish within {Options.TopLevelTimeout.TotalSeconds:0.#} s (an endless loop, or a wait that never ends?)")]);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (path, line, column) = Frame(e, script.Files) ?? (script.Path, 0, 0);
            throw new ScriptException([new ScriptDiagnostic(path, line, column, "error", ScriptDiagnostic.TopLevelThrew, $"the script threw {e.GetType().Name}: {e.Message}")], e);
        }

        try
        {
            Options.ConfigureBot?.Invoke(globals.Bot);
            return globals.Bot.Build();
        }
        catch (ChatBotConfigurationException e)
        {
            throw new ScriptException([new ScriptDiagnostic(script.Path, 0, 0, "error", ScriptDiagnostic.InvalidBot, e.Message)], e);
        }
    }

    // Every loaded file may declare `//! needs: key`; a key the configuration lacks stops the load, naming the key and the file that needs it.
    private void CheckPresetSettings(CompiledScript script)
    {
        var config = Options.Config ?? new Dictionary<string, string>();
        var missing = script.Files
            .Where(f => !string.Equals(f, script.Path, StringComparison.Ordinal))
            .Select(PresetManifest.Read)
            .SelectMany(m => m.Needs.Where(n => !config.TryGetValue(n.Key, out var value) || string.IsNullOrWhiteSpace(value))
                .Select(n => new ScriptDiagnostic(m.Path, n.Line, 1, "error", ScriptDiagnostic.MissingPresetSetting,
                    $"preset '{m.Name}' needs the setting '{n.Key}'; set it in the bot's configuration (bot.yaml, appsettings.json or an environment variable)")))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ScriptException(missing);
        }
    }

    private static (string Path, int Line, int Column)? Frame(Exception exception, IReadOnlyList<string> files)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
            {
                var file = frame.GetFileName();
                if (file is not null && files.Contains(file, StringComparer.Ordinal))
                {
                    return (file, frame.GetFileLineNumber(), frame.GetFileColumnNumber());
                }
            }
        }

        return null;
    }
}
