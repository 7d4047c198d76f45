namespace ChatBotKit.AI.Errors;

/// <summary>The server refused the API key (401 or 403).</summary>
public sealed class LlmUnauthorizedException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmUnauthorizedException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.Unauthorized, message, endpoint, statusCode, innerException)
    {
    }
}
