using System.Buffers;

namespace ChatBotKit.Nats.Protocol;

/// <summary>Where the reader loop hands the messages of one subscription id; must not block.</summary>
internal interface IMessageTarget
{
    int Sid { get; }

    string Subject { get; }

    string? QueueGroup { get; }

    void Deliver(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySequence<byte> headers, ReadOnlySequence<byte> payload);
}
