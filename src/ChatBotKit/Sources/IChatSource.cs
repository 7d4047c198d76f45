using ChatBotKit.Events;

namespace ChatBotKit.Sources;

/// <summary>
/// A connection to a chat platform: reads <see cref="ChatEvent"/>s as an async stream and sends
/// messages. Connectors implement this; wrappers that add policy delegate to an inner source and
/// expose it through <see cref="GetService"/>.
/// </summary>
public interface IChatSource : IAsyncDisposable
{
    /// <summary>The platform this source talks to.</summary>
    ChatPlatform Platform { get; }

    /// <summary>What the platform allows the bot to send.</summary>
    PlatformLimits Limits { get; }

    /// <summary>The current connection state.</summary>
    ConnectionState State { get; }

    /// <summary>Opens the connection. Completes when the source is ready to read and send.</summary>
    ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads events until the source ends or <paramref name="cancellationToken"/> is cancelled.
    /// Malformed wire input is logged and skipped; it never ends the stream.
    /// </summary>
    IAsyncEnumerable<ChatEvent> ReadEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends one message (the text is already within <see cref="PlatformLimits.MaxMessageLength"/>)
    /// and says what became of it: sent, queued, or dropped with the reason (a read-only connection,
    /// a whisper the transport cannot send, a full queue). Failures of the connection throw.
    /// </summary>
    ValueTask<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>Reaches a service of this source or of any source it wraps (for example the raw connector).</summary>
    object? GetService(Type serviceType, object? serviceKey = null);
}
