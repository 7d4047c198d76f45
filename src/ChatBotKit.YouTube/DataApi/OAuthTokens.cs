using System.Text.Json;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>
/// The OAuth access token for Data API calls. A given access token is used until YouTube rejects
/// it; with a refresh token (and the client id and secret) a new one is fetched from the token
/// endpoint when there is none, when the current one is within <see cref="RefreshMargin"/> of its
/// expiry, or after a rejection. Tokens never reach a log or an exception message.
/// </summary>
internal sealed class OAuthTokens(HttpClient http, YouTubeOptions options, TimeProvider time) : IDisposable
{
    /// <summary>How long before its expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token = options.AccessToken;
    private DateTimeOffset _expires = DateTimeOffset.MaxValue; // a given token's expiry is unknown: used until rejected

    /// <summary>How many times a token was fetched with the refresh token.</summary>
    public int Refreshes { get; private set; }

    private bool CanRefresh => options.RefreshToken is not null;

    /// <summary>A token to send now, refreshed first when it is missing or about to expire.</summary>
    /// <exception cref="ChatBotKitException">The token endpoint refused the refresh token, or there is no usable token.</exception>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || (CanRefresh && time.GetUtcNow() >= _expires - RefreshMargin))
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            return _token!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>YouTube rejected <paramref name="token"/> (HTTP 401); returns whether a fresh one can be fetched.</summary>
    public bool Rejected(string token)
    {
        if (!CanRefresh)
        {
            return false;
        }

        if (_token == token)
        {
            _token = null;
        }

        return true;
    }

    public void Dispose() => _gate.Dispose();

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!CanRefresh)
        {
            throw new ChatBotKitException("YouTube rejected the OAuth access token (YOUTUBE_ACCESS_TOKEN) and there is no refresh token to get a new one.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = options.RefreshToken!,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
        });
        using var response = await http.PostAsync(options.TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (token, expiresIn, error) = Read(body);
        if (!response.IsSuccessStatusCode || token is null)
        {
            // Only the error code is repeated: Google's error description may echo the request.
            throw new ChatBotKitException($"The OAuth token endpoint {options.TokenEndpoint} refused the refresh token: HTTP {(int)response.StatusCode}, {error ?? "no access_token in the answer"}.");
        }

        (_token, _expires) = (token, time.GetUtcNow() + (expiresIn ?? TimeSpan.FromHours(1)));
        Refreshes++;
    }

    private static (string? Token, TimeSpan? ExpiresIn, string? Error) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var expires = root.Int64("expires_in") is { } seconds and > 0 and < int.MaxValue ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return (root.String("access_token"), expires, root.String("error"));
        }
        catch (JsonException)
        {
            return (null, null, "the answer is not JSON");
        }
    }
}
