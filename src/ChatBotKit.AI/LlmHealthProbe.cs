using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ChatBotKit.AI;

/// <summary>
/// Asks an OpenAI-compatible server for its model list (<c>GET {base}/models</c>) and tells
/// "reachable, model present" from "reachable, model missing" and "unreachable".
/// </summary>
public static class LlmHealthProbe
{
    /// <summary>Probes the server in <paramref name="options"/>; never throws for a server problem.</summary>
    public static async Task<LlmHealthReport> CheckAsync(OpenAICompatibleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = options.HttpClient ?? SharedClient.Value;
        var url = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/models");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var key = options.ApiKeyVariable is { Length: > 0 } name ? Environment.GetEnvironmentVariable(name) : null;
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                var hint = options.ApiKeyVariable is { Length: > 0 } variable
                    ? $"; check the environment variable {variable}"
                    : "; the server wants a key: set ApiKeyVariable to the environment variable holding it";
                return Report(LlmHealthStatus.Unauthorized, options, [], $"{options.BaseUrl} refused the API key ({(int)response.StatusCode}){hint}");
            }

            if (!response.IsSuccessStatusCode)
            {
                return Report(LlmHealthStatus.Unreachable, options, [], $"{url} answered {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            var models = json.RootElement.GetProperty("data").EnumerateArray()
                .Select(m => m.GetProperty("id").GetString() ?? "").Where(id => id.Length > 0).ToList();
            return models.Contains(options.Model, StringComparer.Ordinal)
                ? Report(LlmHealthStatus.Ready, options, models, $"model '{options.Model}' is available at {options.BaseUrl}")
                : Report(LlmHealthStatus.ModelMissing, options, models, $"model '{options.Model}' not found at {options.BaseUrl}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Report(LlmHealthStatus.Unreachable, options, [], $"{options.BaseUrl} is unreachable or not OpenAI-compatible: {ex.Message}");
        }
    }

    private static LlmHealthReport Report(LlmHealthStatus status, OpenAICompatibleOptions options, IReadOnlyList<string> models, string detail) =>
        new(status, options.BaseUrl, options.Model, models, detail);

    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
}
