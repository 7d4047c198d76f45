using System.Net;
using System.Net.Http.Headers;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>
/// The HTTP side of the Data API v3: each call counted against the quota before it is made, the API
/// key sent as the <c>X-Goog-Api-Key</c> header (never in a URL that could be logged) or the OAuth
/// token as a bearer token, refreshed once and retried when YouTube answers 401.
/// </summary>
internal sealed class DataApiClient(HttpClient http, YouTubeOptions options, OAuthTokens? tokens, QuotaMeter quota)
{
    private readonly string _base = options.ApiEndpoint.ToString().TrimEnd('/') + "/";

    /// <summary>Whether calls carry an OAuth token (and so may post).</summary>
    public bool HasToken => tokens is not null;

    /// <summary><c>GET</c> <paramref name="pathAndQuery"/> (relative to the API endpoint), costing <paramref name="cost"/> units.</summary>
    public Task<DataApiResponse> GetAsync(string pathAndQuery, int cost, string method, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, _base + pathAndQuery), cost, method, cancellationToken);

    /// <summary><c>POST</c> a JSON <paramref name="body"/> to <paramref name="pathAndQuery"/>, costing <paramref name="cost"/> units.</summary>
    public Task<DataApiResponse> PostAsync(string pathAndQuery, byte[] body, int cost, string method, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return new HttpRequestMessage(HttpMethod.Post, _base + pathAndQuery) { Content = content };
            },
            cost,
            method,
            cancellationToken);

    private async Task<DataApiResponse> SendAsync(Func<HttpRequestMessage> create, int cost, string method, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (!quota.TrySpend(cost, method))
            {
                return DataApiResponse.OverBudget;
            }

            using var request = create();
            string? token = null;
            if (tokens is not null)
            {
                token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.TryAddWithoutValidation("X-Goog-Api-Key", options.ApiKey);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0 && token is not null && tokens!.Rejected(token))
            {
                continue;
            }

            return new DataApiResponse(response.StatusCode, body);
        }
    }
}
