using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotKit.Twitch.EventSub;

namespace ChatBotKit.Twitch.Auth;

/// <summary>
/// The per-user file that keeps Twitch tokens outside any project folder
/// (<c>~/.config/streambot/twitch-tokens.json</c> on Linux and macOS, <c>%APPDATA%\streambot</c> on
/// Windows). On Unix the file is created readable and writable by its owner only (mode 0600).
/// </summary>
public sealed class TwitchTokenStore
{
    /// <summary>A store at <paramref name="path"/>, or at the per-user default.</summary>
    public TwitchTokenStore(string? path = null) =>
        FilePath = path ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "streambot", "twitch-tokens.json");

    /// <summary>Where the tokens are kept.</summary>
    public string FilePath { get; }

    /// <summary>The stored tokens; <see langword="null"/> when there is no file or it holds no access token.</summary>
    public TwitchTokens? Load()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
            json = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ChatBotKitException($"The Twitch token file {FilePath} is not valid JSON ({ex.Message}); delete it and run 'streambot auth twitch' again.");
        }

        return json.String("access_token") is { Length: > 0 } access
            ? new TwitchTokens(access, json.String("refresh_token"), json.String("client_id") ?? "", [.. json.Array("scopes").Items().Select(s => s.GetString() ?? "")])
            : null;
    }

    /// <summary>Writes <paramref name="tokens"/>, replacing what was there, owner-only on Unix.</summary>
    public void Save(TwitchTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var json = new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["refresh_token"] = tokens.RefreshToken,
            ["client_id"] = tokens.ClientId,
            ["scopes"] = new JsonArray([.. tokens.Scopes.Select(s => (JsonNode)JsonValue.Create(s))]),
        };
        OwnerOnlyFile.Write(FilePath, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
