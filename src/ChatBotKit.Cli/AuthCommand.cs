using System.CommandLine;
using ChatBotKit.Twitch;
using ChatBotKit.Twitch.Auth;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot auth twitch</c>: gets the bot's Twitch tokens through the OAuth device code flow
/// (prints the address and code, waits for the user to approve) and keeps them in the per-user token
/// file, readable by its owner only, where the Twitch source finds them. The client id comes from
/// <c>--client-id</c> or <c>TWITCH_CLIENT_ID</c>; Twitch's addresses from <c>TWITCH_OAUTH_URL</c> for tests.
/// </summary>
internal static class AuthCommand
{
    /// <summary>The scopes each feature needs, by the names <c>--for</c> takes.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FeatureScopes = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["irc"] = ["chat:read", "chat:edit"],
        ["eventsub"] = ["user:read:chat", "user:write:chat", "user:bot"],
        ["follows"] = ["moderator:read:followers"],
        ["redemptions"] = ["channel:read:redemptions"],
        ["badge"] = ["channel:bot"],
    };

    /// <summary>Chat over IRC or EventSub, sending through Helix, and follows.</summary>
    public static readonly string[] DefaultFeatures = ["irc", "eventsub", "follows"];

    public static Command Create(CliStreams io)
    {
        var clientId = new Option<string?>("--client-id") { Description = "The Twitch application's client id (default $TWITCH_CLIENT_ID).", HelpName = "id" };
        var features = new Option<string[]>("--for")
        {
            Description = $"The features to ask scopes for: {string.Join(", ", FeatureScopes.Keys)} (default: {string.Join(' ', DefaultFeatures)}). redemptions and badge are granted by the broadcaster's account.",
            HelpName = "feature",
            AllowMultipleArgumentsPerToken = true,
        };
        features.AcceptOnlyFromAmong([.. FeatureScopes.Keys]);
        var scopes = new Option<string[]>("--scope") { Description = "A scope to ask for instead of those of --for; repeat for more.", HelpName = "scope", AllowMultipleArgumentsPerToken = true };
        var twitch = new Command("twitch", "Sign the bot's Twitch account in through the device code flow and store its tokens in the per-user token file.") { clientId, features, scopes };
        twitch.SetAction((r, ct) => TwitchAsync(io, r.GetValue(clientId) ?? Environment.GetEnvironmentVariable("TWITCH_CLIENT_ID"), ScopesOf(r.GetValue(features), r.GetValue(scopes)), ct));
        return new Command("auth", "Get and store platform tokens for the bot's account.") { twitch };
    }

    /// <summary>The scopes asked: those given with <c>--scope</c>, otherwise those of the features (default <see cref="DefaultFeatures"/>).</summary>
    public static string[] ScopesOf(string[]? features, string[]? scopes) =>
        scopes is { Length: > 0 }
            ? scopes
            : [.. (features is { Length: > 0 } ? features : DefaultFeatures).SelectMany(feature => FeatureScopes[feature]).Distinct(StringComparer.Ordinal)];

    private static async Task<int> TwitchAsync(CliStreams io, string? clientId, string[] scopes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            io.Error.WriteLine("streambot: auth twitch: no client id; pass --client-id or set TWITCH_CLIENT_ID (register an application in the Twitch developer console, as a public client).");
            return StreambotApp.UsageError;
        }

        using var http = new HttpClient();
        var flow = new TwitchDeviceFlow(http, TwitchOptions.FromEnvironment().Endpoints);
        try
        {
            var code = await flow.StartAsync(clientId, scopes, cancellationToken).ConfigureAwait(false);
            io.Out.WriteLine($"{code}. Waiting for approval (until {code.ExpiresAt.ToLocalTime():HH:mm}); Ctrl+C gives up.");
            var tokens = await flow.WaitForApprovalAsync(code, cancellationToken).ConfigureAwait(false);
            var store = new TwitchTokenStore();
            store.Save(tokens);
            io.Out.WriteLine($"Signed in with {string.Join(' ', tokens.Scopes)}; the tokens are in {store.FilePath} (only you can read it). The Twitch source uses them when TWITCH_OAUTH_TOKEN is unset.");
            return StreambotApp.Ok;
        }
        catch (ChatBotKitException e)
        {
            io.Error.WriteLine($"streambot: auth twitch: {e.Message}");
            return StreambotApp.ScriptError;
        }
        catch (HttpRequestException e)
        {
            io.Error.WriteLine($"streambot: auth twitch: cannot reach Twitch ({e.Message}).");
            return StreambotApp.ScriptError;
        }
    }
}
