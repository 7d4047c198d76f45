using System.Buffers.Text;
using System.Text;

namespace ChatBotKit.Nats.Protocol;

/// <summary>Writes client commands into a byte span; callers make sure the span is large enough.</summary>
internal static class CommandEncoder
{
    /// <summary>An upper bound of the bytes <see cref="WritePublish"/> needs.</summary>
    public static int PublishSize(string subject, string? replyTo, int headerLength, int payloadLength) =>
        ((subject.Length + (replyTo?.Length ?? 0)) * 3) + headerLength + payloadLength + 40;

    public static int WritePublish(Span<byte> buffer, string subject, string? replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload)
    {
        var n = headers.IsEmpty ? Put(buffer, 0, "PUB "u8) : Put(buffer, 0, "HPUB "u8);
        n += Encoding.UTF8.GetBytes(subject, buffer[n..]);
        buffer[n++] = (byte)' ';
        if (replyTo is not null)
        {
            n += Encoding.UTF8.GetBytes(replyTo, buffer[n..]);
            buffer[n++] = (byte)' ';
        }

        if (!headers.IsEmpty)
        {
            n += Number(buffer[n..], headers.Length);
            buffer[n++] = (byte)' ';
        }

        n += Number(buffer[n..], headers.Length + payload.Length);
        n = Put(buffer, n, "\r\n"u8);
        n = Put(buffer, n, headers);
        n = Put(buffer, n, payload);
        return Put(buffer, n, "\r\n"u8);
    }

    public static byte[] Subscribe(string subject, string? queueGroup, int sid) =>
        Encoding.UTF8.GetBytes(queueGroup is null ? $"SUB {subject} {sid}\r\n" : $"SUB {subject} {queueGroup} {sid}\r\n");

    public static byte[] Unsubscribe(int sid) => Encoding.UTF8.GetBytes($"UNSUB {sid}\r\n");

    private static int Put(Span<byte> buffer, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer[at..]);
        return at + bytes.Length;
    }

    private static int Number(Span<byte> buffer, int value)
    {
        Utf8Formatter.TryFormat(value, buffer, out var written);
        return written;
    }
}
