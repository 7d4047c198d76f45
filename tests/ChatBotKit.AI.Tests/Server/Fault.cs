namespace ChatBotKit.AI.Tests.Server;

/// <summary>What the fake server does with one request.</summary>
public enum Fault
{
    None,
    RateLimited,
    ServerError,
    Hang,
    MalformedJson,
    CutStream,
    SlowFirstToken,
    HtmlPage,
    Unauthorized,
    NotFound,
    EndWithoutFinish,
    MalformedStreamJson,
    StreamError,
}
