namespace ChatBotKit.AI.Errors;

/// <summary>A streamed response ended before the server said it was finished.</summary>
public sealed class LlmTruncatedStreamException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmTruncatedStreamException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.TruncatedStream, message, endpoint, statusCode, innerException)
    {
    }
}
