namespace ChatBotKit.Nats;

/// <summary>What a publish made while disconnected does when the reconnect buffer is full.</summary>
public enum NatsBufferFullMode
{
    /// <summary>Drop the oldest buffered publish (counted) and keep the new one.</summary>
    DropOldest,

    /// <summary>Fail the new publish with <see cref="NatsBufferFullException"/> (counted).</summary>
    Fail,
}
