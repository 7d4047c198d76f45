using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatBotKit.Twitch.EventSub;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Helix;

/// <summary>
/// Keeps the user token usable, as Twitch requires: validates it at start and every hour
/// (<c>/oauth2/validate</c>), refreshes it shortly before it expires or when a call is refused, and
/// reports a token that cannot be saved as <see cref="TwitchTokenRejectedException"/>.
/// <paramref name="renewed"/>, when given, keeps a refreshed pair (in the token file).
/// </summary>
internal sealed class TwitchAuth(TwitchCredentials credentials, TwitchEndpoints endpoints, HttpClient http, TimeProvider time, ILogger logger, Action? renewed = null) : IHelixToken, IDisposable
{
    private static readonly TimeSpan ValidateEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public TwitchCredentials Credentials => credentials;

    public string? ClientId => credentials.ClientId;

    public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials.AccessToken);

    public Task RenewAsync(string refused, CancellationToken cancellationToken) => RefreshAsync(refused, cancellationToken);

    public void Dispose() => _refreshing.Dispose();

    /// <summary>Validates the token, refreshing it once when Twitch says it is no longer valid.</summary>
    public async Task ValidateAsync(CancellationToken cancellationToken)
    {
        if (!await TryValidateAsync(cancellationToken).ConfigureAwait(false))
        {
            await RefreshAsync(credentials.AccessToken, cancellationToken).ConfigureAwait(false);
            if (!await TryValidateAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new TwitchTokenRejectedException("validation failed after a refresh");
            }
        }
    }

    /// <summary>
    /// Refreshes the token unless another caller already replaced <paramref name="refused"/>.
    /// </summary>
    /// <exception cref="TwitchTokenRejectedException">There is no refresh token, or Twitch refused it.</exception>
    public async Task RefreshAsync(string refused, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (credentials.AccessToken != refused)
            {
                return;
            }

            if (credentials.RefreshToken is not { } refreshToken)
            {
                throw new TwitchTokenRejectedException("the token is invalid and there is no refresh token to renew it");
            }

            if (credentials.ClientId is not { } clientId)
            {
                throw new TwitchTokenRejectedException("the token is invalid, and renewing it needs the application's client id in TWITCH_CLIENT_ID");
            }

            var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId };
            if (credentials.ClientSecret is { } secret)
            {
                form["client_secret"] = secret;
            }

            using var response = await http.PostAsync(new Uri(endpoints.OAuth, "token"), new FormUrlEncodedContent(form), cancellationToken).ConfigureAwait(false);
            var body = await HelixResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || body.Json.String("access_token") is not { Length: > 0 } access)
            {
                throw new TwitchTokenRejectedException($"refreshing it answered {body.Describe()}");
            }

            credentials.Replace(access, body.Json.String("refresh_token"));
            renewed?.Invoke();
            TwitchAuthLog.Refreshed(logger, credentials.Login ?? "?");
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Validates every hour and refreshes before expiry, until cancelled or the token is lost (then it throws).</summary>
    public async Task KeepValidAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = ValidateEvery;
            if (credentials.ExpiresAt is { } expires && expires - RefreshAhead - time.GetUtcNow() < wait)
            {
                wait = expires - RefreshAhead - time.GetUtcNow();
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            if (credentials.ExpiresAt is { } due && due - RefreshAhead <= time.GetUtcNow())
            {
                await RefreshAsync(credentials.AccessToken, cancellationToken).ConfigureAwait(false);
            }

            await ValidateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryValidateAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoints.OAuth, "validate"));
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", credentials.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await HelixResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode || body.Json.ValueKind != JsonValueKind.Object)
        {
            throw new ChatBotKitException($"Twitch: validating the token at {endpoints.OAuth} answered {body.Describe()}.");
        }

        credentials.ClientId ??= body.Json.String("client_id");
        credentials.UserId = body.Json.String("user_id");
        credentials.Login = body.Json.String("login");
        var expiresIn = body.Json.Int("expires_in");
        credentials.ExpiresAt = expiresIn > 0 ? time.GetUtcNow().AddSeconds(expiresIn) : null;
        TwitchAuthLog.Validated(logger, credentials.Login ?? "?", credentials.ExpiresAt);
        return true;
    }
}
