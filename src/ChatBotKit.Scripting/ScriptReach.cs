namespace ChatBotKit.Scripting;

/// <summary>What a script reaches outside the bot API for, as <see cref="ScriptCompiler.Inspect"/> finds it.</summary>
public enum ScriptReachKind
{
    /// <summary>Reads or writes files or folders.</summary>
    Files,

    /// <summary>Starts processes or ends this one.</summary>
    Processes,

    /// <summary>Opens network connections of its own.</summary>
    Network,

    /// <summary>Uses reflection or loads code, which can reach anything.</summary>
    Reflection,

    /// <summary>Calls native code or uses pointers.</summary>
    NativeCode,

    /// <summary>Reads or changes environment variables, where tokens and keys live.</summary>
    EnvironmentVariables,
}

/// <summary>One place where a script reaches outside the bot API.</summary>
/// <param name="Path">The file: the main script or a <c>#load</c>ed one.</param>
/// <param name="Line">The line, 1-based.</param>
/// <param name="Column">The column, 1-based.</param>
/// <param name="Kind">What it reaches.</param>
/// <param name="Symbol">The API it uses there, e.g. <c>System.IO.File.ReadAllText</c>.</param>
public sealed record ScriptReach(string Path, int Line, int Column, ScriptReachKind Kind, string Symbol)
{
    /// <summary>Formats as <c>path(line,col): kind: symbol</c>.</summary>
    public override string ToString() => $"{Path}({Line},{Column}): {Describe(Kind)}: {Symbol}";

    /// <summary>The kind in words, for people.</summary>
    public static string Describe(ScriptReachKind kind) => kind switch
    {
        ScriptReachKind.Files => "files",
        ScriptReachKind.Processes => "processes",
        ScriptReachKind.Network => "network",
        ScriptReachKind.Reflection => "reflection",
        ScriptReachKind.NativeCode => "native code",
        ScriptReachKind.EnvironmentVariables => "environment variables",
        _ => kind.ToString(),
    };
}
