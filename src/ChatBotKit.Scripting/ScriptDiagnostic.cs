namespace ChatBotKit.Scripting;

/// <summary>One problem in a script, with the file, line and column it points at (both 1-based).</summary>
/// <param name="Path">The file: the main script or a <c>#load</c>ed one.</param>
/// <param name="Line">The line, 1-based; 0 when unknown.</param>
/// <param name="Column">The column, 1-based; 0 when unknown.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">The compiler's code (<c>CS0103</c>) or the host's (<c>SB0001</c>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record ScriptDiagnostic(string Path, int Line, int Column, string Severity, string Code, string Message)
{
    /// <summary>Host code: the script threw at top level.</summary>
    public const string TopLevelThrew = "SB0001";

    /// <summary>Host code: the script's top-level code did not finish in time.</summary>
    public const string TopLevelTimedOut = "SB0002";

    /// <summary>Host code: the bot the script built is not valid.</summary>
    public const string InvalidBot = "SB0003";

    /// <summary>Host code: the script file cannot be read.</summary>
    public const string MissingScript = "SB0004";

    /// <summary>Host code: a <c>#load "preset:…"</c> names no shipped preset.</summary>
    public const string UnknownPreset = "SB0005";

    /// <summary>Host code: a script used <c>#r</c>; the host references the SDK itself.</summary>
    public const string ReferenceNotSupported = "SB0006";

    /// <summary>Host code: a script used <c>dynamic</c>, which scripts cannot late-bind.</summary>
    public const string DynamicNotSupported = "SB0007";

    /// <summary>Host code: a loaded preset needs a configuration key the configuration does not set.</summary>
    public const string MissingPresetSetting = "SB0008";

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == "error";

    /// <summary>Formats as <c>path(line,col): error CODE: message</c>.</summary>
    public override string ToString() => $"{Path}({Line},{Column}): {Severity} {Code}: {Message}";
}
