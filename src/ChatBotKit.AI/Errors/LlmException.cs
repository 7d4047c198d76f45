namespace ChatBotKit.AI.Errors;

/// <summary>
/// A call to a language model failed; <see cref="Kind"/> says why (also the <c>kind</c> tag on
/// failure metrics and what the retry policy decides on). Messages name the endpoint and model,
/// never a key.
/// </summary>
public sealed class LlmException : ChatBotKitException
{
    /// <summary>Creates the exception with its kind, endpoint and HTTP status.</summary>
    public LlmException(LlmFailureKind kind, string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException!)
    {
        Kind = kind;
        Endpoint = endpoint;
        StatusCode = statusCode;
    }

    /// <summary>Why the call failed.</summary>
    public LlmFailureKind Kind { get; }

    /// <summary>The base URL of the server that was called, when known.</summary>
    public Uri? Endpoint { get; }

    /// <summary>The HTTP status code, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The model that was asked for, when known.</summary>
    public string? Model { get; init; }

    /// <summary>How long the server asked the client to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether trying the same call again may succeed: 429, 5xx, unreachable, timeout.</summary>
    public bool IsTransient => Kind is LlmFailureKind.RateLimited or LlmFailureKind.ServerError
        or LlmFailureKind.Unreachable or LlmFailureKind.Timeout;
}
