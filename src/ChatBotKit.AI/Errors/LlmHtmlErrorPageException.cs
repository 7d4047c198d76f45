namespace ChatBotKit.AI.Errors;

/// <summary>The server answered with an HTML page instead of JSON.</summary>
public sealed class LlmHtmlErrorPageException : LlmException
{
    /// <summary>Creates the exception.</summary>
    public LlmHtmlErrorPageException(string message, Uri? endpoint = null, int? statusCode = null, Exception? innerException = null)
        : base(LlmFailureKind.HtmlErrorPage, message, endpoint, statusCode, innerException)
    {
    }
}
