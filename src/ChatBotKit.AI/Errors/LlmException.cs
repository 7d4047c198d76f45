namespace ChatBotKit.AI.Errors;

/// <summary>
/// A call to a language model failed. Subtypes name the cause; <see cref="Kind"/> carries it as
/// data for metrics and retry decisions. Messages name the endpoint and model, never a key.
/// </summary>
public class LlmException : ChatBotKitException
{
    /// <summary>Creates the exception.</summary>
    public LlmException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LlmException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LlmException(string message, Exception innerException) : base(message, innerException)
    {
    }

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

    /// <summary>How long the server asked the client to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether trying the same call again may succeed: 429, 5xx, unreachable, timeout.</summary>
    public bool IsTransient => Kind is LlmFailureKind.RateLimited or LlmFailureKind.ServerError
        or LlmFailureKind.Unreachable or LlmFailureKind.Timeout;
}
