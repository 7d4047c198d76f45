namespace ChatBotKit.Twitch.Auth;

/// <summary>A user's tokens for one application, as the device flow returns them and <see cref="TwitchTokenStore"/> keeps them. <see cref="ToString"/> never shows a token.</summary>
/// <param name="AccessToken">The user access token.</param>
/// <param name="RefreshToken">The token that renews it.</param>
/// <param name="ClientId">The application the tokens belong to.</param>
/// <param name="Scopes">The scopes the user granted.</param>
public sealed record TwitchTokens(string AccessToken, string? RefreshToken, string ClientId, IReadOnlyList<string> Scopes)
{
    /// <summary>The application and scopes, without the tokens.</summary>
    public override string ToString() => $"Twitch tokens for client {ClientId} ({string.Join(' ', Scopes)})";
}
