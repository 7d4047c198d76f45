using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// The per-user file that keeps the tokens VTube Studio granted, so that the approval popup
/// appears once and not on every start (<c>~/.config/streambot/vtubestudio-tokens.json</c> on Linux
/// and macOS, <c>%APPDATA%\streambot</c> on Windows). One file holds a token per VTube Studio
/// address and plugin name; on Unix it is created readable and writable by its owner only (mode 0600).
/// </summary>
public sealed class VTubeStudioTokenStore
{
    private readonly Lock _gate = new();

    /// <summary>A store at <paramref name="path"/>, or at the per-user default.</summary>
    public VTubeStudioTokenStore(string? path = null) =>
        FilePath = path ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "streambot", "vtubestudio-tokens.json");

    /// <summary>Where the tokens are kept.</summary>
    public string FilePath { get; }

    /// <summary>The token kept for <paramref name="key"/>; <see langword="null"/> when there is none.</summary>
    /// <param name="key">Which VTube Studio and plugin the token is for (see <see cref="KeyFor"/>).</param>
    public string? Load(string key)
    {
        lock (_gate)
        {
            return ReadAll()[key]?.GetValue<string>();
        }
    }

    /// <summary>Keeps <paramref name="token"/> for <paramref name="key"/>, replacing the one there was.</summary>
    public void Save(string key, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        lock (_gate)
        {
            var tokens = ReadAll();
            tokens[key] = token;
            WriteAll(tokens);
        }
    }

    /// <summary>Forgets the token for <paramref name="key"/> (VTube Studio revoked it).</summary>
    public void Remove(string key)
    {
        lock (_gate)
        {
            var tokens = ReadAll();
            if (tokens.Remove(key))
            {
                WriteAll(tokens);
            }
        }
    }

    /// <summary>The key a token is kept under: the VTube Studio address and the plugin's two names.</summary>
    public static string KeyFor(VTubeStudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.Endpoint.GetLeftPart(UriPartial.Authority)} {options.PluginName} / {options.PluginDeveloper}";
    }

    private JsonObject ReadAll()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(FilePath)) as JsonObject ?? [];
        }
        catch (JsonException ex)
        {
            throw new ChatBotKitException($"The VTube Studio token file {FilePath} is not valid JSON ({ex.Message}); delete it and approve the plugin in VTube Studio again.");
        }
    }

    private void WriteAll(JsonObject tokens) =>
        OwnerOnlyFile.Write(FilePath, tokens.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
