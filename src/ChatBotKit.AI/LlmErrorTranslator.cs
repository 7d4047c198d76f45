using System.ClientModel;
using System.Net.Sockets;
using System.Text.Json;
using ChatBotKit.AI.Errors;

namespace ChatBotKit.AI;

/// <summary>Turns the SDK's and the transport's exceptions into <see cref="LlmException"/> subtypes.</summary>
internal static class LlmErrorTranslator
{
    /// <summary>The typed error for <paramref name="error"/>, or <see langword="null"/> to let it pass (caller cancellation, already typed).</summary>
    public static LlmException? Translate(Exception error, OpenAICompatibleOptions options, CancellationToken cancellationToken)
    {
        if (error is LlmException || (error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        var url = options.BaseUrl;
        return error switch
        {
            ClientResultException { Status: > 0 } http => FromStatus(http, options),
            JsonException or FormatException => new LlmMalformedResponseException(
                $"the response from {url} for model '{options.Model}' is not valid JSON", url, null, error),
            OperationCanceledException => new LlmUnreachableException($"{url} did not answer within the network timeout", url, null, error),
            _ when Find<HttpRequestException>(error) is { } request && Find<HttpIOException>(error) is null && request.StatusCode is null =>
                new LlmUnreachableException($"{url} is unreachable: {request.Message}", url, null, error),
            _ when Find<IOException>(error) is not null || Find<SocketException>(error) is not null =>
                new LlmTruncatedStreamException($"the connection to {url} broke before the response was complete", url, null, error),
            _ => null,
        };
    }

    private static LlmException FromStatus(ClientResultException error, OpenAICompatibleOptions options)
    {
        var url = options.BaseUrl;
        var status = error.Status;
        var response = error.GetRawResponse();
        var contentType = response?.Headers.TryGetValue("Content-Type", out var type) == true ? type : null;
        if (contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true && status is not 401 and not 403 and not 429)
        {
            return new LlmHtmlErrorPageException($"{url} answered {status} with an HTML page instead of JSON (a proxy or the wrong URL?)", url, status, error);
        }

        return status switch
        {
            401 or 403 => new LlmUnauthorizedException(
                $"{url} refused the API key ({status})" + (options.ApiKeyVariable is { } v ? $"; check the environment variable {v}" : ""), url, status, error),
            404 => new LlmModelNotFoundException(options.Model, url, error),
            429 => new LlmRateLimitedException($"{url} is rate limiting requests (429)", url, status, error) { RetryAfter = RetryAfter(response) },
            >= 500 => new LlmServerException($"{url} failed with {status}", url, status, error) { RetryAfter = RetryAfter(response) },
            _ => new LlmException(LlmFailureKind.Other, $"{url} answered {status}", url, status, error),
        };
    }

    private static TimeSpan? RetryAfter(System.ClientModel.Primitives.PipelineResponse? response)
    {
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - TimeProvider.System.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero
            : null;
    }

    private static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T match)
            {
                return match;
            }
        }

        return null;
    }
}
