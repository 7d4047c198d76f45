namespace ChatBotKit.Triggers;

/// <summary>Writes a reply without the LLM. Returning <see langword="null"/> or empty text means "no reply".</summary>
public delegate ValueTask<string?> ReplyHandler(ReplyContext context, CancellationToken cancellationToken);
