using System.Buffers;

namespace ChatBotKit.Nats;

public sealed partial class NatsConnection
{
    private static readonly SearchValues<char> BadSubjectChars = SearchValues.Create(" \t\r\n");

    /// <summary>
    /// Publishes <paramref name="data"/> to <paramref name="subject"/>. Completes once the command is
    /// queued for the writer (not when the server has it: core NATS is at-most-once). While
    /// reconnecting the publish is buffered (see <see cref="NatsOptions.ReconnectBufferSize"/>).
    /// </summary>
    /// <exception cref="NatsPayloadTooLargeException">Headers and data exceed the server's <c>max_payload</c>.</exception>
    /// <exception cref="NatsBufferFullException">Disconnected, the buffer is full and the mode is <see cref="NatsBufferFullMode.Fail"/>.</exception>
    public ValueTask PublishAsync(string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers = null, string? replyTo = null, CancellationToken cancellationToken = default)
    {
        ValidateSubject(subject, nameof(subject));
        if (replyTo is not null)
        {
            ValidateSubject(replyTo, nameof(replyTo));
        }

        ObjectDisposedException.ThrowIf(State == NatsConnectionState.Closed, this);
        var headerBytes = headers?.ToWire() ?? [];
        if (headerBytes.Length + data.Length > MaxPayload)
        {
            throw new NatsPayloadTooLargeException($"A message of {headerBytes.Length + data.Length} bytes exceeds the server's max_payload of {MaxPayload} bytes.");
        }

        var wait = _writer.TryPublish(subject, replyTo, headerBytes, data.Span);
        return wait is null ? ValueTask.CompletedTask : PublishSlowAsync(wait, subject, data, headerBytes, replyTo, cancellationToken);
    }

    private async ValueTask PublishSlowAsync(Task wait, string subject, ReadOnlyMemory<byte> data, byte[] headers, string? replyTo, CancellationToken cancellationToken)
    {
        while (wait is not null)
        {
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            wait = _writer.TryPublish(subject, replyTo, headers, data.Span)!;
        }
    }

    private static void ValidateSubject(string subject, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject, parameter);
        if (subject.AsSpan().ContainsAny(BadSubjectChars))
        {
            throw new ArgumentException($"Subject '{subject}' contains whitespace.", parameter);
        }
    }
}
