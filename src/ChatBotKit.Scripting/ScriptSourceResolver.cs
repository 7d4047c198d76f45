using Microsoft.CodeAnalysis;

namespace ChatBotKit.Scripting;

/// <summary>Resolves <c>#load</c>: relative paths against the including file, <c>preset:</c> through a <see cref="PresetLocator"/>, and the editor stub (<see cref="EditorGlobals"/>) as an empty file.</summary>
internal sealed class ScriptSourceResolver(PresetLocator presets) : SourceReferenceResolver
{
    private readonly SourceFileResolver _files = new([], null);

    public override string? NormalizePath(string path, string? baseFilePath) =>
        PresetLocator.IsPreset(path) ? path : _files.NormalizePath(path, baseFilePath);

    public override string? ResolveReference(string path, string? baseFilePath)
    {
        if (PresetLocator.IsPreset(path))
        {
            return presets.Find(path[PresetLocator.Prefix.Length..]);
        }

        // The editor stub resolves whether or not it was written: the host reads it as empty.
        return EditorGlobals.IsStub(path) ? _files.NormalizePath(path, baseFilePath) is { } stub ? Path.GetFullPath(stub, Path.GetDirectoryName(baseFilePath) ?? ".") : null
            : _files.ResolveReference(path, baseFilePath);
    }

    public override Stream OpenRead(string resolvedPath) =>
        EditorGlobals.IsStub(resolvedPath) ? new MemoryStream([], writable: false) : _files.OpenRead(resolvedPath);

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => presets.GetHashCode();
}
