namespace ChatBotKit.Sources;

/// <summary>Where a source's connection stands.</summary>
public enum ConnectionState
{
    /// <summary>Not connected yet, or closed.</summary>
    Disconnected,

    /// <summary>Opening the connection.</summary>
    Connecting,

    /// <summary>Connected: events flow and sends go out.</summary>
    Connected,

    /// <summary>Lost the connection and trying to get it back.</summary>
    Reconnecting,

    /// <summary>Disposed; will not connect again.</summary>
    Closed,
}
