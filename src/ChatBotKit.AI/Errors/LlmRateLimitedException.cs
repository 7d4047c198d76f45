namespace ChatBotKit.AI.Errors;

/// <summary>The server asked the client to slow down (429); see RetryAfter.</summary>
public sealed class LlmRateLimitedException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmRateLimitedException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.RateLimited, message, endpoint, statusCode, innerException)
    {
    }
}
