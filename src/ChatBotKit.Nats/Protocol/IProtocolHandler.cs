using System.Buffers;

namespace ChatBotKit.Nats.Protocol;

/// <summary>Receives what <see cref="ProtocolParser"/> reads from the server; called on the reader loop.</summary>
internal interface IProtocolHandler
{
    /// <summary>A MSG or HMSG; <paramref name="headers"/> is empty for MSG. The spans live only for the call.</summary>
    void OnMessage(ReadOnlySpan<byte> subject, int sid, ReadOnlySpan<byte> replyTo, ReadOnlySequence<byte> headers, ReadOnlySequence<byte> payload);

    /// <summary>The server's INFO JSON.</summary>
    void OnInfo(ReadOnlySpan<byte> json);

    void OnPing();

    void OnPong();

    /// <summary>A <c>-ERR</c> with its quotes removed.</summary>
    void OnServerError(string message);

    /// <summary>Input that is not the protocol; it was skipped.</summary>
    void OnProtocolError(string reason);
}
