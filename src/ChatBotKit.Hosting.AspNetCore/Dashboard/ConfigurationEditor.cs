using ChatBotKit.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// Edits the bot's configuration file from the dashboard. An edit is validated as start-up validates
/// (a bad one is refused with each key and reason, and nothing changes), written beside the file and
/// renamed over it (so the file is never half written), the old version kept as <c>&lt;file&gt;.previous</c>,
/// and then reloaded as SIGHUP reloads; a reload that fails puts the old version back. Keys under
/// <c>ChatBotKit:</c> are read at start only, so changing them needs a restart.
/// </summary>
internal sealed class ConfigurationEditor(string path, ChatBotReloader reloader) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file edited.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Where the version before the last change is kept.</summary>
    public string PreviousPath => Path + ".previous";

    /// <summary>Whether there is a version to roll back to.</summary>
    public bool CanRollBack => File.Exists(PreviousPath);

    /// <summary>The file's text now.</summary>
    public string Read() => File.Exists(Path) ? File.ReadAllText(Path) : "";

    /// <summary>Validates, writes and reloads <paramref name="text"/>.</summary>
    public async Task<ConfigurationEdit> ApplyAsync(string text, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var staged = Stage(text);
            if (Validate(staged) is { } problem)
            {
                File.Delete(staged);
                return ConfigurationEdit.Refused(problem);
            }

            var restart = RestartKeys(Values(Path), Values(staged));
            var hadFile = File.Exists(Path);
            if (hadFile)
            {
                File.Copy(Path, PreviousPath, overwrite: true);
            }

            File.Move(staged, Path, overwrite: true);
            var reload = await reloader.ReloadAsync(cancellationToken).ConfigureAwait(false);
            if (reload.Succeeded)
            {
                return ConfigurationEdit.Applied(restart);
            }

            if (hadFile)
            {
                File.Move(Stage(File.ReadAllText(PreviousPath)), Path, overwrite: true);
            }
            else
            {
                File.Delete(Path);
            }

            await reloader.ReloadAsync(cancellationToken).ConfigureAwait(false);
            return ConfigurationEdit.Refused($"The bot could not load it, so the previous version is back in force:{Environment.NewLine}{reload.Problem}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Puts the previous version back (the current one becomes the previous) and reloads.</summary>
    public async Task<ConfigurationEdit> RollBackAsync(CancellationToken cancellationToken)
    {
        if (!CanRollBack)
        {
            return ConfigurationEdit.Refused("There is no previous version to roll back to.");
        }

        return await ApplyAsync(File.ReadAllText(PreviousPath), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>The keys whose values differ between <paramref name="before"/> and <paramref name="after"/> and are read at start only.</summary>
    internal static IReadOnlyList<string> RestartKeys(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        [.. before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(k => k.StartsWith(ChatBotHostingOptions.Section + ":", StringComparison.OrdinalIgnoreCase))
            .Where(k => !string.Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k), StringComparison.Ordinal))
            .Order(StringComparer.OrdinalIgnoreCase)];

    // The edit goes beside the file first, with the same extension, so the rename over it is atomic.
    private string Stage(string text)
    {
        var staged = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, $".{System.IO.Path.GetFileNameWithoutExtension(Path)}.dashboard-edit{System.IO.Path.GetExtension(Path)}");
        File.WriteAllText(staged, text.ReplaceLineEndings("\n"));
        return staged;
    }

    private string? Validate(string staged)
    {
        try
        {
            ChatBotConfiguration.Load(Build(staged));
            return null;
        }
        catch (InvalidDataException e)
        {
            return Named($"{e.Message} {e.InnerException?.Message}".TrimEnd(), staged);
        }
        catch (Exception e) when (e is ChatBotConfigurationException or FormatException)
        {
            return Named(e.Message, staged);
        }
    }

    private string Named(string message, string staged) => message.Replace(staged, Path, StringComparison.Ordinal);

    private static Dictionary<string, string?> Values(string file) =>
        File.Exists(file) ? Build(file).AsEnumerable().ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase) : new Dictionary<string, string?>();

    private static IConfigurationRoot Build(string file)
    {
        var builder = new ConfigurationBuilder();
        if (System.IO.Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddJsonFile(file, optional: false);
        }
        else
        {
            builder.AddYamlFile(file, optional: false);
        }

        return builder.Build();
    }
}
