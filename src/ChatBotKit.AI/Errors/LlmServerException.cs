namespace ChatBotKit.AI.Errors;

/// <summary>The server failed with a 5xx status.</summary>
public sealed class LlmServerException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmServerException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.ServerError, message, endpoint, statusCode, innerException)
    {
    }
}
