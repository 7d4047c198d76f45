namespace ChatBotKit.YouTube.DataApi;

/// <summary>What each Data API v3 call costs in quota units (protocols notes §2.1).</summary>
internal static class QuotaCosts
{
    /// <summary><c>videos.list</c>: 1 unit.</summary>
    public const int VideosList = 1;

    /// <summary><c>liveChatMessages.list</c>: 5 units.</summary>
    public const int ListMessages = 5;

    /// <summary>
    /// <c>liveChatMessages.insert</c>: the current reference says 20 units, older pages said 50;
    /// the larger figure is counted, so the budget errs on the safe side.
    /// </summary>
    public const int Insert = 50;
}
