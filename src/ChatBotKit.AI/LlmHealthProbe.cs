using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatBotKit.AI.Backends;

namespace ChatBotKit.AI;

/// <summary>
/// Asks a server for its model list (<c>GET {base}/models</c> for OpenAI-compatible servers,
/// <c>/api/tags</c> for Ollama, <c>/v1/models</c> for Anthropic) and tells "reachable, model
/// present" from "reachable, model missing", "key refused" and "unreachable".
/// </summary>
public static class LlmHealthProbe
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(10) });

    /// <summary>Probes the server in <paramref name="options"/>; never throws for a server problem.</summary>
    public static async Task<LlmHealthReport> CheckAsync(LlmOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = options.HttpClient ?? SharedClient.Value;
        var (path, list, name) = options.Protocol switch
        {
            LlmProtocol.Ollama => ("/api/tags", "models", "name"),
            LlmProtocol.Anthropic => ("/v1/models", "data", "id"),
            _ => ("/models", "data", "id"),
        };
        var url = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + path);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        AddKey(request, options);
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
            var models = json.RootElement.GetProperty(list).EnumerateArray()
                .Select(m => m.GetProperty(name).GetString() ?? "").Where(id => id.Length > 0).ToList();
            return models.Any(m => Matches(m, options))
                ? Report(LlmHealthStatus.Ready, options, models, $"model '{options.Model}' is available at {options.BaseUrl}")
                : Report(LlmHealthStatus.ModelMissing, options, models, $"model '{options.Model}' not found at {options.BaseUrl}"
                    + (options.Protocol == LlmProtocol.Ollama ? $"; run `ollama pull {options.Model}`" : ""));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Report(LlmHealthStatus.Unreachable, options, [], $"{options.BaseUrl} is unreachable or does not speak {options.Protocol}: {ex.Message}");
        }
    }

    private static void AddKey(HttpRequestMessage request, LlmOptions options)
    {
        var key = options.ApiKeyVariable is { Length: > 0 } ? ApiKey.Read(options with { RequireApiKey = false }) : null;
        if (options.Protocol == LlmProtocol.Anthropic)
        {
            request.Headers.Add("anthropic-version", "2023-06-01");
            if (key is not null)
            {
                request.Headers.Add("x-api-key", key);
            }
        }
        else if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    // Ollama lists "llama3.2:latest" for a model pulled as "llama3.2".
    private static bool Matches(string listed, LlmOptions options) =>
        string.Equals(listed, options.Model, StringComparison.Ordinal)
        || (options.Protocol == LlmProtocol.Ollama && string.Equals(listed, options.Model + ":latest", StringComparison.Ordinal));

    private static LlmHealthReport Report(LlmHealthStatus status, LlmOptions options, IReadOnlyList<string> models, string detail) =>
        new(status, options.BaseUrl, options.Model, models, detail);
}
