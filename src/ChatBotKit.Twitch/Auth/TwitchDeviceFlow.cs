using System.Globalization;
using ChatBotKit.Twitch.EventSub;
using ChatBotKit.Twitch.Helix;

namespace ChatBotKit.Twitch.Auth;

/// <summary>
/// Twitch's OAuth device code flow for a public application: <see cref="StartAsync"/> asks for a
/// code to show the user, <see cref="WaitForApprovalAsync"/> polls until the user approved it and
/// returns the tokens. Waits run on the <see cref="TimeProvider"/>.
/// </summary>
public sealed class TwitchDeviceFlow
{
    private const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private readonly HttpClient _http;
    private readonly Uri _oauth;
    private readonly TimeProvider _time;

    /// <summary>Creates the flow over <paramref name="http"/> (not disposed by it).</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="endpoints">Where OAuth is; Twitch's by default.</param>
    /// <param name="time">The clock the polling waits on; the system clock by default.</param>
    public TwitchDeviceFlow(HttpClient http, TwitchEndpoints? endpoints = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        (_http, _oauth, _time) = (http, (endpoints ?? new TwitchEndpoints()).OAuth, time ?? TimeProvider.System);
    }

    /// <summary>Asks Twitch for a device code for <paramref name="clientId"/> and <paramref name="scopes"/>.</summary>
    /// <exception cref="ChatBotKitException">Twitch refused (an unknown client id, for example).</exception>
    public async Task<TwitchDeviceCode> StartAsync(string clientId, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(scopes);
        var scopeList = string.Join(' ', scopes);
        var body = await PostAsync("device", new() { ["client_id"] = clientId, ["scopes"] = scopeList }, cancellationToken).ConfigureAwait(false);
        var json = body.Json;
        if (!body.IsSuccess || json.String("device_code") is not { } device || json.String("user_code") is not { } user
            || !Uri.TryCreate(json.String("verification_uri"), UriKind.Absolute, out var verification))
        {
            throw new ChatBotKitException($"Twitch refused a device code for client {clientId}: {body.Describe()}. Check the client id and that the application is registered as a public client.");
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, json.Int("interval")));
        var expires = _time.GetUtcNow().AddSeconds(json.Int("expires_in") > 0 ? json.Int("expires_in") : 1800);
        return new TwitchDeviceCode(device, user, verification, interval, expires, clientId, scopeList);
    }

    /// <summary>Polls until the user approved <paramref name="code"/>, then returns the tokens.</summary>
    /// <exception cref="ChatBotKitException">The user declined, or the code expired.</exception>
    public async Task<TwitchTokens> WaitForApprovalAsync(TwitchDeviceCode code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var interval = code.Interval;
        while (true)
        {
            await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
            if (_time.GetUtcNow() >= code.ExpiresAt)
            {
                throw new ChatBotKitException($"The code {code.UserCode} expired before it was approved; start again.");
            }

            var form = new Dictionary<string, string> { ["client_id"] = code.ClientId, ["scopes"] = code.Scopes, ["device_code"] = code.DeviceCode, ["grant_type"] = DeviceGrant };
            var body = await PostAsync("token", form, cancellationToken).ConfigureAwait(false);
            if (body.IsSuccess && body.Json.String("access_token") is { Length: > 0 } access)
            {
                var scopes = body.Json.Array("scope").Items().Select(s => s.GetString() ?? "").Where(s => s.Length > 0).ToList();
                return new TwitchTokens(access, body.Json.String("refresh_token"), code.ClientId, scopes);
            }

            switch (body.Json.String("message"))
            {
                case "authorization_pending":
                    break;
                case "slow_down":
                    interval += TimeSpan.FromSeconds(5);
                    break;
                default:
                    throw new ChatBotKitException(string.Create(CultureInfo.InvariantCulture, $"Twitch did not give tokens for code {code.UserCode}: {body.Describe()}."));
            }
        }
    }

    private async Task<HelixResponse> PostAsync(string path, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri(_oauth, path), content, cancellationToken).ConfigureAwait(false);
        return await HelixResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }
}
