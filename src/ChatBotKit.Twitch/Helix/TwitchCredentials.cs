using ChatBotKit.Twitch.Auth;

namespace ChatBotKit.Twitch.Helix;

/// <summary>
/// The tokens and who they belong to. The one place tokens are held in memory; <see cref="ToString"/>
/// names the user, never a token.
/// </summary>
internal sealed class TwitchCredentials
{
    private readonly Lock _gate = new();
    private string _accessToken;
    private string? _refreshToken;

    public TwitchCredentials(string accessToken, string? refreshToken, string? clientId, string? clientSecret)
    {
        _accessToken = accessToken.StartsWith("oauth:", StringComparison.OrdinalIgnoreCase) ? accessToken[6..] : accessToken;
        _refreshToken = string.IsNullOrWhiteSpace(refreshToken) ? null : refreshToken;
        ClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId;
        ClientSecret = string.IsNullOrWhiteSpace(clientSecret) ? null : clientSecret;
    }

    public string AccessToken
    {
        get
        {
            lock (_gate)
            {
                return _accessToken;
            }
        }
    }

    public string? RefreshToken
    {
        get
        {
            lock (_gate)
            {
                return _refreshToken;
            }
        }
    }

    /// <summary>The application's client id: configured, or learned from validation.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; }

    /// <summary>The bot user's id, learned from validation.</summary>
    public string? UserId { get; set; }

    /// <summary>The bot user's login, learned from validation.</summary>
    public string? Login { get; set; }

    /// <summary>When the access token expires, learned from validation.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The scopes granted, when known (from the token file).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The tokens as the token file keeps them.</summary>
    public TwitchTokens ToTokens() => new(AccessToken, RefreshToken, ClientId ?? "", Scopes);

    /// <summary>Installs a refreshed pair.</summary>
    public void Replace(string accessToken, string? refreshToken)
    {
        lock (_gate)
        {
            _accessToken = accessToken;
            _refreshToken = string.IsNullOrWhiteSpace(refreshToken) ? _refreshToken : refreshToken;
        }
    }

    public override string ToString() => $"Twitch user {Login ?? "(not validated)"}";
}
