namespace ChatBotKit.Nats;

/// <summary>A received message.</summary>
/// <param name="Subject">The subject it was published to.</param>
/// <param name="ReplyTo">Where the publisher wants a reply, if anywhere.</param>
/// <param name="Headers">Its headers, if it had any.</param>
/// <param name="Data">Its payload; the message owns this memory.</param>
public readonly record struct NatsMsg(string Subject, string? ReplyTo, NatsHeaders? Headers, ReadOnlyMemory<byte> Data);
