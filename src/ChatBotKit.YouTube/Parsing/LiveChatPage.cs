using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// One <c>get_live_chat</c> response as the source needs it: where to continue, how long YouTube
/// asks it to wait, the new events, and what could not be read.
/// </summary>
/// <param name="Continuation">The token for the next request; <see langword="null"/> when the stream is over.</param>
/// <param name="Timeout">The wait YouTube asks for before the next request, when it names one.</param>
/// <param name="Events">The events, oldest first, each delivered once.</param>
/// <param name="Problems">Items skipped, each naming what was missing and where (a JSON path).</param>
/// <param name="NewUnknownRenderers">Renderer or action names this parser had not seen before and could not map.</param>
internal sealed record LiveChatPage(
    string? Continuation,
    TimeSpan? Timeout,
    IReadOnlyList<ChatEvent> Events,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> NewUnknownRenderers)
{
    /// <summary>Whether the body was a live-chat document at all; an unreadable page is retried, not taken as the end.</summary>
    public bool IsReadable { get; init; } = true;

    /// <summary>A body that is not a live-chat document (HTML, a truncated or empty body).</summary>
    public static LiveChatPage Unreadable(string problem) => new(null, null, [], [problem], []) { IsReadable = false };
}
