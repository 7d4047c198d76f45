namespace ChatBotKit.Scripting;

/// <summary>A script did not compile, threw at top level, ran too long or built an invalid bot.</summary>
public sealed class ScriptException : ChatBotKitException
{
    /// <summary>Creates the exception.</summary>
    public ScriptException() => Diagnostics = [];

    /// <summary>Creates the exception with a message.</summary>
    public ScriptException(string message) : base(message) => Diagnostics = [];

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ScriptException(string message, Exception innerException) : base(message, innerException) => Diagnostics = [];

    /// <summary>Creates the exception for a list of diagnostics.</summary>
    public ScriptException(IReadOnlyList<ScriptDiagnostic> diagnostics, Exception? innerException = null)
        : base(Describe(diagnostics), innerException!) => Diagnostics = diagnostics;

    /// <summary>Every problem found, sorted by file and line.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<ScriptDiagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
