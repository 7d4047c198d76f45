using System.Security.Cryptography;
using System.Text;

namespace ChatBotKit.Scripting;

/// <summary>
/// An on-disk cache of compiled scripts, so that a new process (<c>streambot check</c>, a
/// restart) skips Roslyn when nothing changed. One entry per main script path; it is used only
/// when the SHA-256 of the main script and of every <c>#load</c>ed file still matches, every
/// preset still resolves to the same file, and the SDK assemblies beside the host are the same
/// (name, size and time of each). Only successful compiles are stored. Problems reading or
/// writing the cache are ignored: it then simply misses.
/// </summary>
public sealed class ScriptCompileCache
{
    /// <summary>The environment variable naming the cache folder, or <c>off</c> to disable the default cache.</summary>
    public const string Variable = "STREAMBOT_COMPILE_CACHE";

    private const int FormatVersion = 1;
    private static readonly Lazy<string> Stamp = new(CreateStamp);

    /// <summary>A cache in <paramref name="folder"/> (created when first written).</summary>
    public ScriptCompileCache(string folder) => Folder = Path.GetFullPath(folder);

    /// <summary>The folder that holds the entries.</summary>
    public string Folder { get; }

    /// <summary>
    /// The cache a compiler uses unless told otherwise: the folder in <c>STREAMBOT_COMPILE_CACHE</c>,
    /// else <c>streambot/compiled</c> under <c>XDG_CACHE_HOME</c> (default <c>~/.cache</c>); null when the variable is <c>off</c>.
    /// </summary>
    public static ScriptCompileCache? FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(configured))
        {
            return new ScriptCompileCache(configured);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : home.Length > 0 ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return new ScriptCompileCache(Path.Combine(root, "streambot", "compiled"));
    }

    /// <summary>The cached compile of <paramref name="fullPath"/>, or null when there is none or anything it was built from changed.</summary>
    public CompiledScript? TryLoad(string fullPath, PresetLocator presets)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(EntryPath(fullPath, presets)), Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion || reader.ReadString() != Stamp.Value || reader.ReadString() != fullPath)
            {
                return null;
            }

            var files = new string[reader.ReadInt32()];
            for (var i = 0; i < files.Length; i++)
            {
                files[i] = reader.ReadString();
                if (reader.ReadString() != Hash(File.ReadAllBytes(files[i])) || !SamePreset(files[i], presets))
                {
                    return null;
                }
            }

            var entryType = reader.ReadString();
            var entryMethod = reader.ReadString();
            var warnings = new ScriptDiagnostic[reader.ReadInt32()];
            for (var i = 0; i < warnings.Length; i++)
            {
                warnings[i] = new ScriptDiagnostic(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString(), reader.ReadString(), reader.ReadString());
            }

            var image = reader.ReadBytes(reader.ReadInt32());
            var symbols = reader.ReadBytes(reader.ReadInt32());
            return new CompiledScript(fullPath, files, image, symbols, entryType, entryMethod, warnings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="script"/>, replacing the script's previous entry.</summary>
    public void Store(CompiledScript script, PresetLocator presets)
    {
        ArgumentNullException.ThrowIfNull(script);
        var path = EntryPath(script.Path, presets);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(FormatVersion);
                writer.Write(Stamp.Value);
                writer.Write(script.Path);
                writer.Write(script.Files.Count);
                foreach (var file in script.Files)
                {
                    writer.Write(file);
                    writer.Write(Hash(File.ReadAllBytes(file)));
                }

                writer.Write(script.EntryType);
                writer.Write(script.EntryMethod);
                writer.Write(script.Warnings.Count);
                foreach (var w in script.Warnings)
                {
                    writer.Write(w.Path);
                    writer.Write(w.Line);
                    writer.Write(w.Column);
                    writer.Write(w.Severity);
                    writer.Write(w.Code);
                    writer.Write(w.Message);
                }

                writer.Write(script.Image.Length);
                writer.Write(script.Image);
                writer.Write(script.Symbols.Length);
                writer.Write(script.Symbols);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private string EntryPath(string fullPath, PresetLocator presets) =>
        Path.Combine(Folder, Hash(Encoding.UTF8.GetBytes(fullPath + "\n" + string.Join("\n", presets.Folders)))[..32] + ".bin");

    private static bool SamePreset(string file, PresetLocator presets)
    {
        var inPresets = presets.Folders.Any(f => string.Equals(Path.GetDirectoryName(file), f, StringComparison.Ordinal));
        return !inPresets || presets.Find(Path.GetFileNameWithoutExtension(file)) is { } found && string.Equals(Path.GetFullPath(found), file, StringComparison.Ordinal);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private static string CreateStamp()
    {
        var host = AppContext.BaseDirectory;
        var files = Directory.EnumerateFiles(host, "ChatBotKit*.dll")
            .Concat(Directory.EnumerateFiles(host, "Microsoft.Extensions.*.dll"))
            .Concat(Directory.EnumerateFiles(host, "Microsoft.CodeAnalysis*.dll"))
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}");
        return Environment.Version + "|" + string.Join("|", files);
    }
}
