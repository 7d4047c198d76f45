using Microsoft.Extensions.Logging;

namespace ChatBotKit.Scripting;

/// <summary>Settings for a <see cref="ScriptHost"/>.</summary>
public sealed record ScriptHostOptions
{
    /// <summary>How long a script's top-level code may run before the load fails. Default 5 s.</summary>
    public TimeSpan TopLevelTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the script's <c>Log</c> writes.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The script's <c>Config</c>.</summary>
    public IReadOnlyDictionary<string, string>? Config { get; init; }

    /// <summary>How the script's <c>Env</c> reads variables; the process environment when null.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>
    /// Runs on each script's bot after its top-level code and before it is built: what the host adds
    /// to every version of the script (for example the voice <c>streambot chat --speak</c> gives it).
    /// </summary>
    public Action<ChatBotBuilder>? ConfigureBot { get; init; }
}
