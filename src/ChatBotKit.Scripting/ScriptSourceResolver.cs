using Microsoft.CodeAnalysis;

namespace ChatBotKit.Scripting;

/// <summary>Resolves <c>#load</c>: relative paths against the including file, <c>preset:</c> through a <see cref="PresetLocator"/>.</summary>
internal sealed class ScriptSourceResolver(PresetLocator presets) : SourceReferenceResolver
{
    private readonly SourceFileResolver _files = new([], null);

    public override string? NormalizePath(string path, string? baseFilePath) =>
        PresetLocator.IsPreset(path) ? path : _files.NormalizePath(path, baseFilePath);

    public override string? ResolveReference(string path, string? baseFilePath) =>
        PresetLocator.IsPreset(path) ? presets.Find(path[PresetLocator.Prefix.Length..]) : _files.ResolveReference(path, baseFilePath);

    public override Stream OpenRead(string resolvedPath) => _files.OpenRead(resolvedPath);

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => presets.GetHashCode();
}
