namespace ChatBotKit.AI;

/// <summary>What a health probe found at a server.</summary>
public enum LlmHealthStatus
{
    /// <summary>The server answered and lists the configured model.</summary>
    Ready,

    /// <summary>The server answered but does not list the configured model.</summary>
    ModelMissing,

    /// <summary>The server answered but refused the key.</summary>
    Unauthorized,

    /// <summary>The server could not be reached, or did not answer with a model list.</summary>
    Unreachable,
}
