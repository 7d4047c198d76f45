namespace ChatBotKit.AI.Switching;

/// <summary>The mode that answers changed.</summary>
/// <param name="From">The mode that answered before (at first, the most preferred).</param>
/// <param name="To">The mode that answers now.</param>
/// <param name="Reason"><c>failover</c> (the one before failed), <c>recovered</c> (an earlier mode answers again), <c>manual</c> or <c>automatic</c> (the streamer switched).</param>
public sealed record LlmModeChanged(string From, string To, string Reason);
