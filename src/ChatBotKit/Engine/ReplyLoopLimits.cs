namespace ChatBotKit.Engine;

/// <summary>
/// When the bot stops answering one user because the two are talking in circles: an exchange is a
/// message from the user that arrives within <see cref="QuickAnswer"/> of the bot's reply to them,
/// as another bot's answer does. After <see cref="MaxExchanges"/> such exchanges in a row the bot
/// ignores that user for <see cref="Pause"/>, and the decision log says why.
/// </summary>
public sealed record ReplyLoopLimits
{
    /// <summary>Four quick exchanges, answers within 5 seconds, a 5-minute pause.</summary>
    public static ReplyLoopLimits Default { get; } = new();

    /// <summary>No loop detection.</summary>
    public static ReplyLoopLimits Off { get; } = new() { MaxExchanges = 0 };

    /// <summary>Quick exchanges in a row before the pause; 0 turns detection off. Default 4.</summary>
    public int MaxExchanges { get; init; } = 4;

    /// <summary>How soon after the bot's reply a message counts as a quick answer. Default 5 seconds.</summary>
    public TimeSpan QuickAnswer { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the user is then ignored. Default 5 minutes.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMinutes(5);
}
