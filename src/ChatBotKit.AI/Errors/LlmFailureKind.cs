namespace ChatBotKit.AI.Errors;

/// <summary>Why a call to a language model failed; also the <c>kind</c> tag on failure metrics.</summary>
public enum LlmFailureKind
{
    /// <summary>A failure that fits no other kind.</summary>
    Other,

    /// <summary>The server refused the API key (401 or 403).</summary>
    Unauthorized,

    /// <summary>The server does not have the requested model (404).</summary>
    ModelNotFound,

    /// <summary>The server asked the client to slow down (429).</summary>
    RateLimited,

    /// <summary>The server failed (5xx).</summary>
    ServerError,

    /// <summary>The server could not be reached (connection refused, DNS, reset before a response).</summary>
    Unreachable,

    /// <summary>The call took longer than its timeout.</summary>
    Timeout,

    /// <summary>The server answered with JSON the client could not read.</summary>
    MalformedResponse,

    /// <summary>The server answered with an HTML page instead of JSON, typically a proxy's error page.</summary>
    HtmlErrorPage,

    /// <summary>A streamed response ended before the server said it was finished.</summary>
    TruncatedStream,
}
