namespace ChatBotKit.Scripting;

/// <summary>
/// Finds <c>#load "preset:&lt;name&gt;"</c> files: <c>&lt;folder&gt;/&lt;name&gt;.csx</c> in the first
/// of <see cref="Folders"/> that has it. A script's own <c>presets/</c> folder comes first
/// (<see cref="ForScript"/>), then the user's (<see cref="UserFolder"/>), then those shipped with the tool.
/// </summary>
public sealed class PresetLocator
{
    /// <summary>The prefix that marks a preset in a <c>#load</c>.</summary>
    public const string Prefix = "preset:";

    /// <summary>Searches exactly <paramref name="folders"/>, in order.</summary>
    public PresetLocator(params IEnumerable<string> folders) => Folders = [.. folders.Select(Path.GetFullPath)];

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>
    /// The user's presets: <c>streambot/presets</c> under <c>$XDG_CONFIG_HOME</c>, or else under
    /// <c>~/.config</c> (the application-data folder on Windows).
    /// </summary>
    public static string UserFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "streambot", "presets");

    /// <summary>
    /// The default search: the user's presets (<see cref="UserFolder"/>), then <c>scripts/presets</c>
    /// next to the tool (shipped with it), then <c>scripts/presets</c> in the current folder or the
    /// nearest parent that has one (a repo checkout).
    /// </summary>
    public static PresetLocator CreateDefault()
    {
        var folders = new List<string> { UserFolder, Path.Combine(AppContext.BaseDirectory, "scripts", "presets") };
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "presets");
            if (Directory.Exists(candidate))
            {
                folders.Add(candidate);
                break;
            }
        }

        return new PresetLocator(folders);
    }

    /// <summary>This search with the <c>presets/</c> folder beside <paramref name="scriptPath"/> first, so a bot's own presets win.</summary>
    public PresetLocator ForScript(string scriptPath) =>
        new([Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scriptPath)) ?? ".", "presets"), .. Folders]);

    /// <summary>True when <paramref name="reference"/> is a <c>preset:</c> reference.</summary>
    public static bool IsPreset(string reference) => reference.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file for preset <paramref name="name"/>, or null when no folder has it.</summary>
    public string? Find(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            return null;
        }

        return Folders.Select(f => Path.Combine(f, name + ".csx")).FirstOrDefault(File.Exists);
    }

    /// <summary>The names of every preset found, sorted.</summary>
    public IReadOnlyList<string> Available() =>
        [.. Folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.csx"))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
