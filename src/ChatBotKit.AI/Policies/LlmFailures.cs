using ChatBotKit.AI.Errors;

namespace ChatBotKit.AI.Policies;

/// <summary>Classifies any exception from a chat client for metrics and logs.</summary>
internal static class LlmFailures
{
    public static LlmFailureKind KindOf(Exception error) => error switch
    {
        LlmException llm => llm.Kind,
        TimeoutException => LlmFailureKind.Timeout,
        HttpRequestException => LlmFailureKind.Unreachable,
        _ => LlmFailureKind.Other,
    };

    public static string TagOf(LlmFailureKind kind) => kind switch
    {
        LlmFailureKind.Unauthorized => "unauthorized",
        LlmFailureKind.ModelNotFound => "model_not_found",
        LlmFailureKind.RateLimited => "rate_limited",
        LlmFailureKind.ServerError => "server_error",
        LlmFailureKind.Unreachable => "unreachable",
        LlmFailureKind.Timeout => "timeout",
        LlmFailureKind.MalformedResponse => "malformed_response",
        LlmFailureKind.HtmlErrorPage => "html_error_page",
        LlmFailureKind.TruncatedStream => "truncated_stream",
        _ => "other",
    };
}
