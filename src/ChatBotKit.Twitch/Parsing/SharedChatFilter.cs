namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Remembers the last <c>source-id</c>s of Shared Chat messages so a message delivered to several
/// joined rooms of one session is let through once. Not thread-safe.
/// </summary>
internal sealed class SharedChatFilter
{
    private readonly RecentKeys _seen = new(1024);

    /// <summary>True the first time <paramref name="sourceId"/> is seen (and always for an empty id).</summary>
    public bool IsFirst(ReadOnlySpan<char> sourceId) => sourceId.IsEmpty || _seen.Add(sourceId);
}
