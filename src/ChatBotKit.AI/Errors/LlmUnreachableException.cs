namespace ChatBotKit.AI.Errors;

/// <summary>The server could not be reached.</summary>
public sealed class LlmUnreachableException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmUnreachableException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.Unreachable, message, endpoint, statusCode, innerException)
    {
    }
}
