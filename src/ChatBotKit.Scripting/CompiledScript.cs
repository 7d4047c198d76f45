namespace ChatBotKit.Scripting;

/// <summary>A script compiled to an in-memory assembly, not loaded yet.</summary>
/// <param name="Path">The main script's full path.</param>
/// <param name="Files">The main script and every <c>#load</c>ed file: the files to watch.</param>
/// <param name="Image">The assembly.</param>
/// <param name="Symbols">Its portable PDB, so that stack traces show file:line.</param>
/// <param name="EntryType">The submission type that holds the entry point.</param>
/// <param name="EntryMethod">The entry point (<c>&lt;Factory&gt;</c>).</param>
/// <param name="Warnings">Warnings the compiler reported.</param>
public sealed record CompiledScript(
    string Path,
    IReadOnlyList<string> Files,
    byte[] Image,
    byte[] Symbols,
    string EntryType,
    string EntryMethod,
    IReadOnlyList<ScriptDiagnostic> Warnings);
