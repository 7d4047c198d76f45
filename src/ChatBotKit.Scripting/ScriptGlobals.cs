using Microsoft.Extensions.Logging;

namespace ChatBotKit.Scripting;

/// <summary>
/// What a <c>bot.csx</c> sees as top-level names: <see cref="Bot"/> to describe the bot,
/// <see cref="Config"/> and <see cref="Env"/> for settings, <see cref="Log"/>, and the
/// <see cref="OnStart(Action)"/>/<see cref="OnStop(Action)"/> hooks.
/// </summary>
public class ScriptGlobals
{
    private readonly IReadOnlyDictionary<string, string> _config;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the globals for one run of a script.</summary>
    public ScriptGlobals(string scriptPath, ILogger logger, IReadOnlyDictionary<string, string>? config = null, Func<string, string?>? environment = null)
    {
        ScriptPath = scriptPath;
        Log = logger;
        _config = config ?? new Dictionary<string, string>();
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The bot this script describes; the host builds it when the script's top level ends.</summary>
    public ChatBotBuilder Bot { get; } = new();

    /// <summary>Writes to the host's log (stderr for the <c>streambot</c> tool).</summary>
    public ILogger Log { get; }

    /// <summary>The main script's full path.</summary>
    public string ScriptPath { get; }

    /// <summary>The folder of the main script.</summary>
    public string ScriptDirectory => Path.GetDirectoryName(ScriptPath) ?? ".";

    /// <summary>Settings the host passes in (never secrets; those come from <see cref="Env"/>).</summary>
    public IReadOnlyDictionary<string, string> Config => _config;

    /// <summary>The start and stop hooks registered so far.</summary>
    public ScriptHooks Hooks { get; } = new();

    /// <summary>Reads an environment variable, or <paramref name="fallback"/> when it is unset or empty.</summary>
    public string? Env(string name, string? fallback = null)
    {
        var value = _environment(name);
        return string.IsNullOrEmpty(value) ? fallback : value;
    }

    /// <summary>Runs <paramref name="hook"/> when this version of the script becomes active.</summary>
    public void OnStart(Action hook) => OnStart(Synchronous(hook));

    /// <summary>Runs <paramref name="hook"/> when this version of the script becomes active.</summary>
    public void OnStart(Func<CancellationToken, Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Hooks.AddStart(hook);
    }

    /// <summary>Runs <paramref name="hook"/> when this version is replaced by a reload or the host stops.</summary>
    public void OnStop(Action hook) => OnStop(Synchronous(hook));

    /// <summary>Runs <paramref name="hook"/> when this version is replaced by a reload or the host stops.</summary>
    public void OnStop(Func<CancellationToken, Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Hooks.AddStop(hook);
    }

    private static Func<CancellationToken, Task> Synchronous(Action hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return _ =>
        {
            hook();
            return Task.CompletedTask;
        };
    }
}
