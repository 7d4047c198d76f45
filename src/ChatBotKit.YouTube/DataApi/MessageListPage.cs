using ChatBotKit.Events;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>One <c>liveChatMessages.list</c> answer as the reader needs it.</summary>
/// <param name="NextPageToken">The token for the next call; <see langword="null"/> when the answer had none.</param>
/// <param name="PollingInterval">The wait YouTube asks for (<c>pollingIntervalMillis</c>), when it names one.</param>
/// <param name="OfflineAt">When the stream went offline (<c>offlineAt</c>); set once it has ended.</param>
/// <param name="Events">New events, oldest first, each delivered once.</param>
/// <param name="Problems">Items skipped, each naming what was missing and where (a JSON path).</param>
/// <param name="NewUnknownTypes">Message types this parser had not seen before and could not map.</param>
internal sealed record MessageListPage(
    string? NextPageToken,
    TimeSpan? PollingInterval,
    string? OfflineAt,
    IReadOnlyList<ChatEvent> Events,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> NewUnknownTypes)
{
    /// <summary>Whether the body was a message list at all.</summary>
    public bool IsReadable { get; init; } = true;

    public static MessageListPage Unreadable(string problem) => new(null, null, null, [], [problem], []) { IsReadable = false };
}
