using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotKit.Twitch.EventSub;

namespace ChatBotKit.Twitch.Helix;

/// <summary>
/// Calls Helix with a bearer token (the bot user's, or the application's for the "Chat Bot" badge)
/// and the client id, and when Twitch answers 401 renews the token once and repeats the call. A
/// user token that cannot be refreshed throws <see cref="TwitchTokenRejectedException"/>.
/// <see cref="Credentials"/> are the bot user's either way.
/// </summary>
internal sealed class HelixClient(HttpClient http, TwitchEndpoints endpoints, IHelixToken token, TwitchCredentials user)
{
    public TwitchCredentials Credentials => user;

    public async Task<HelixResponse> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var used = await token.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(method, path, body, used, cancellationToken).ConfigureAwait(false);
        if (response.Status != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        await token.RenewAsync(used, cancellationToken).ConfigureAwait(false);
        used = await token.GetAsync(cancellationToken).ConfigureAwait(false);
        response = await SendOnceAsync(method, path, body, used, cancellationToken).ConfigureAwait(false);
        return response.Status == HttpStatusCode.Unauthorized
            ? throw new TwitchTokenRejectedException($"Helix answered {response.Describe()} after a refresh")
            : response;
    }

    /// <summary>The user ids of <paramref name="logins"/> (<c>GET /users</c>); logins Twitch does not know are missing from the answer.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetUserIdsAsync(IReadOnlyCollection<string> logins, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in logins.Chunk(100))
        {
            var query = string.Join('&', batch.Select(login => "login=" + Uri.EscapeDataString(login)));
            var response = await SendAsync(HttpMethod.Get, "users?" + query, null, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw new ChatBotKitException($"Twitch: looking up the channels' user ids answered {response.Describe()}.");
            }

            foreach (var user in response.Json.Array("data").Items())
            {
                if (user.String("login") is { } login && user.String("id") is { } id)
                {
                    ids[login] = id;
                }
            }
        }

        return ids;
    }

    private async Task<HelixResponse> SendOnceAsync(HttpMethod method, string path, JsonObject? body, string bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoints.Helix, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Headers.Add("Client-Id", token.ClientId);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await HelixResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }
}
