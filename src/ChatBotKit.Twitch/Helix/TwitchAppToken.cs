using System.Text.Json;
using ChatBotKit.Twitch.EventSub;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Helix;

/// <summary>
/// The application's access token (<c>POST /oauth2/token</c>, <c>grant_type=client_credentials</c>),
/// which Twitch requires for "Send Chat Message" to show the "Chat Bot" badge. Fetched on first
/// use, again a minute before it expires and when Helix answers 401. Needs the client id and secret
/// of the application the bot's user token was issued to.
/// </summary>
internal sealed class TwitchAppToken(TwitchCredentials user, TwitchEndpoints endpoints, HttpClient http, TimeProvider time, ILogger logger) : IHelixToken, IDisposable
{
    private static readonly TimeSpan RenewAhead = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private string _token = "";
    private DateTimeOffset _expiresAt = DateTimeOffset.MinValue;

    public string? ClientId => user.ClientId;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _token);
        if (token.Length > 0 && time.GetUtcNow() < _expiresAt - RenewAhead)
        {
            return token;
        }

        await RenewAsync(token, cancellationToken).ConfigureAwait(false);
        return Volatile.Read(ref _token);
    }

    public async Task RenewAsync(string refused, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token != refused)
            {
                return;
            }

            if (user.ClientId is not { } clientId || user.ClientSecret is not { } secret)
            {
                throw new ChatBotKitException("The Twitch \"Chat Bot\" badge needs an application access token: set TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET (the secret of the application the bot's token was issued to), or turn ChatBotBadge off (see docs/twitch.md).");
            }

            var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
            using var response = await http.PostAsync(new Uri(endpoints.OAuth, "token"), new FormUrlEncodedContent(form), cancellationToken).ConfigureAwait(false);
            var body = await HelixResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || body.Json.ValueKind != JsonValueKind.Object || body.Json.String("access_token") is not { Length: > 0 } access)
            {
                throw new ChatBotKitException($"Twitch refused an application access token for the \"Chat Bot\" badge ({body.Describe()}); check TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET.");
            }

            var expiresIn = body.Json.Int("expires_in");
            _expiresAt = time.GetUtcNow().AddSeconds(expiresIn > 0 ? expiresIn : 3600);
            Volatile.Write(ref _token, access);
            TwitchAuthLog.AppTokenFetched(logger, _expiresAt);
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();
}
