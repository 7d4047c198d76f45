namespace ChatBotKit.YouTube.Reading;

/// <summary>
/// One way of reading a live chat (keyless InnerTube or the Data API): find the chat, then poll it.
/// The source owns the loop, the waits, the backoff and the state; a reader owns its requests,
/// its parsing and its log lines about what it read.
/// </summary>
internal interface ILiveChatReader
{
    /// <summary>Finds the chat and returns the id of its video.</summary>
    /// <exception cref="ChatBotKitException">There is no chat to read; the message says why.</exception>
    Task<string> OpenAsync(CancellationToken cancellationToken);

    /// <summary>One poll: the new events and what to do next. Bad input is logged and skipped, never thrown.</summary>
    /// <exception cref="HttpRequestException">The request did not reach YouTube.</exception>
    Task<PollResult> PollAsync(CancellationToken cancellationToken);
}
