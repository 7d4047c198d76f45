using Microsoft.Extensions.Logging;

namespace ChatBotKit.Scripting;

/// <summary>
/// One loaded version of a script: the bot it built, its hooks and the collectible context
/// its code lives in. Dispose it once the engine no longer uses <see cref="Definition"/>.
/// </summary>
public sealed class ScriptGeneration : IDisposable
{
    private ScriptLoadContext? _context;
    private ScriptGlobals? _globals;

    internal ScriptGeneration(int number, CompiledScript script, ChatBotDefinition definition, ScriptGlobals globals, ScriptLoadContext context)
    {
        Number = number;
        Script = script;
        Definition = definition;
        _globals = globals;
        _context = context;
        Unloaded = new WeakReference(context);
    }

    /// <summary>1 for the first load, then one more for every successful reload.</summary>
    public int Number { get; }

    /// <summary>The compiled script (its files are the ones to watch).</summary>
    public CompiledScript Script { get; }

    /// <summary>The bot this generation built.</summary>
    public ChatBotDefinition Definition { get; private set; }

    /// <summary>Tracks the load context: dead once the generation has been disposed and collected.</summary>
    public WeakReference Unloaded { get; }

    /// <summary>Runs the script's start hooks; a failing hook is logged and the rest still run.</summary>
    public Task StartAsync(ILogger logger, CancellationToken cancellationToken = default) =>
        RunHooksAsync(_globals?.Hooks.Start ?? [], "start", logger, cancellationToken);

    /// <summary>Runs the script's stop hooks; a failing hook is logged and the rest still run.</summary>
    public Task StopAsync(ILogger logger, CancellationToken cancellationToken = default) =>
        RunHooksAsync(_globals?.Hooks.Stop ?? [], "stop", logger, cancellationToken);

    /// <summary>Drops every reference into the script's code and unloads its context.</summary>
    public void Dispose()
    {
        _globals?.Hooks.Clear();
        _globals = null;
        Definition = null!;
        _context?.Unload();
        _context = null;
    }

    /// <summary>
    /// One full, blocking collection after a replaced generation was disposed. An unloaded context
    /// (its code, and the runtime's type data and compiled methods for it, in native memory) is freed
    /// only by a full collection, and a bot that allocates little may go hours without one; aggressive
    /// mode also hands the compiler's transient memory back to the system, and
    /// <see cref="NativeHeap.Trim"/> the C heap's. Once per reload, after the
    /// new generation has started and the reload was reported, so the pause of tens of milliseconds
    /// never delays a new behaviour going live.
    /// </summary>
    internal static void CollectUnloaded()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }

    private async Task RunHooksAsync(IReadOnlyList<Func<CancellationToken, Task>> hooks, string kind, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var hook in hooks.ToArray())
        {
            try
            {
                await Task.Run(() => hook(cancellationToken), cancellationToken).WaitAsync(ScriptHost.HookTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                ScriptLog.HookFailed(logger, e, kind, ScriptHost.Locate(e, Script.Files) ?? Script.Path);
            }
        }
    }
}
