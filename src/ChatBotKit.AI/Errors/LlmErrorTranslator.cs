using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Anthropic.Exceptions;
using OllamaSharp.Models.Exceptions;

namespace ChatBotKit.AI.Errors;

/// <summary>Turns the SDKs' and the transport's exceptions into one <see cref="LlmException"/> vocabulary.</summary>
internal static class LlmErrorTranslator
{
    /// <summary>The translated error, or <see langword="null"/> to let it pass (caller cancellation, already translated, a programming error).</summary>
    public static LlmException? Translate(Exception error, LlmOptions options, CancellationToken cancellationToken)
    {
        if (error is LlmException || (error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        var url = options.BaseUrl;
        return error switch
        {
            ClientResultException { Status: > 0 } http => FromStatus(http.Status, Header(http.GetRawResponse(), "Content-Type"), null, RetryAfter(Header(http.GetRawResponse(), "Retry-After")), http, options),
            AnthropicApiException api => FromStatus((int)api.StatusCode, null, api.ResponseBody, null, api, options),
            AnthropicSseException or OllamaException => Failure(LlmFailureKind.ServerError, $"{url} reported an error in the stream: {error.Message}", options, null, error),
            AnthropicInvalidDataException or JsonException or FormatException => Failure(LlmFailureKind.MalformedResponse,
                $"the response from {url} for model '{options.Model}' is not valid JSON", options, null, error),
            OperationCanceledException => Failure(LlmFailureKind.Unreachable, $"{url} did not answer within the network timeout", options, null, error),
            _ when Find<HttpRequestException>(error) is { StatusCode: { } status } request => FromStatus((int)status, null, request.Message, null, error, options),
            _ when Find<HttpRequestException>(error) is { } request && Find<HttpIOException>(error) is null =>
                Failure(LlmFailureKind.Unreachable, $"{url} is unreachable: {request.Message}", options, null, error),
            _ when Find<IOException>(error) is not null || Find<SocketException>(error) is not null =>
                Failure(LlmFailureKind.TruncatedStream, $"the connection to {url} broke before the response was complete", options, null, error),
            _ => null,
        };
    }

    public static LlmException Failure(LlmFailureKind kind, string message, LlmOptions options, int? status = null, Exception? inner = null) =>
        new(kind, message, options.BaseUrl, status, inner) { Model = options.Model };

    private static LlmException FromStatus(int status, string? contentType, string? body, TimeSpan? retryAfter, Exception error, LlmOptions options)
    {
        var url = options.BaseUrl;
        var html = contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
            || body?.TrimStart().StartsWith('<') == true;
        if (html && status is not 401 and not 403 and not 429)
        {
            return Failure(LlmFailureKind.HtmlErrorPage, $"{url} answered {status} with an HTML page instead of JSON (a proxy or the wrong URL?)", options, status, error);
        }

        return status switch
        {
            401 or 403 => Failure(LlmFailureKind.Unauthorized,
                $"{url} refused the API key ({status})" + (options.ApiKeyVariable is { } v ? $"; check the environment variable {v}" : ""), options, status, error),
            404 => Failure(LlmFailureKind.ModelNotFound, $"model '{options.Model}' not found at {url}"
                + (options.Protocol == LlmProtocol.Ollama ? $"; run `ollama pull {options.Model}`" : ""), options, status, error),
            429 => new LlmException(LlmFailureKind.RateLimited, $"{url} is rate limiting requests (429)", url, status, error) { Model = options.Model, RetryAfter = retryAfter },
            >= 500 => new LlmException(LlmFailureKind.ServerError, $"{url} failed with {status}", url, status, error) { Model = options.Model, RetryAfter = retryAfter },
            _ => Failure(LlmFailureKind.Other, $"{url} answered {status}", options, status, error),
        };
    }

    private static string? Header(PipelineResponse? response, string name) =>
        response is not null && response.Headers.TryGetValue(name, out var value) ? value : null;

    private static TimeSpan? RetryAfter(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
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
