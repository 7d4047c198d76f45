namespace ChatBotKit.AI.Errors;

/// <summary>The call took longer than its timeout.</summary>
public sealed class LlmTimeoutException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmTimeoutException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.Timeout, message, endpoint, statusCode, innerException)
    {
    }
}
