namespace ChatBotKit.Nats;

/// <summary>Where a <see cref="NatsConnection"/> stands.</summary>
public enum NatsConnectionState
{
    /// <summary>Not connected yet.</summary>
    Disconnected,

    /// <summary>Connected; publishes go straight to the server.</summary>
    Connected,

    /// <summary>Lost the server and trying others; publishes are buffered.</summary>
    Reconnecting,

    /// <summary>Disposed, or gave up reconnecting.</summary>
    Closed,
}
