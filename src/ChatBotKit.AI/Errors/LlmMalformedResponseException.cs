namespace ChatBotKit.AI.Errors;

/// <summary>The server answered with JSON the client could not read.</summary>
public sealed class LlmMalformedResponseException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmMalformedResponseException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.MalformedResponse, message, endpoint, statusCode, innerException)
    {
    }
}
