using System.Buffers;
using System.Text;
using System.Threading.Channels;
using ChatBotKit.Nats.Protocol;

namespace ChatBotKit.Nats;

/// <summary>
/// The messages of one subscription, read with <c>await foreach</c>. A bounded buffer sits between
/// the connection's reader and you: when you fall behind, new messages are dropped and counted in
/// <see cref="DroppedMessages"/> rather than stalling the connection. Dispose to unsubscribe.
/// </summary>
public sealed class NatsSubscription : IAsyncEnumerable<NatsMsg>, IAsyncDisposable, IMessageTarget
{
    private readonly NatsConnection _connection;
    private readonly Channel<NatsMsg> _channel;
    private byte[] _lastSubjectBytes = [];
    private string _lastSubject = "";
    private long _dropped;

    internal NatsSubscription(NatsConnection connection, int sid, string subject, string? queueGroup, int capacity)
    {
        _connection = connection;
        Sid = sid;
        Subject = subject;
        QueueGroup = queueGroup;
        _channel = Channel.CreateBounded<NatsMsg>(new BoundedChannelOptions(capacity)
        {
            SingleReader = false,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The subject (possibly with wildcards) subscribed to.</summary>
    public string Subject { get; }

    /// <summary>The queue group, if the subscription shares its messages with other members.</summary>
    public string? QueueGroup { get; }

    /// <summary>Messages dropped because the reader fell behind.</summary>
    public long DroppedMessages => Interlocked.Read(ref _dropped);

    /// <summary>The buffered messages, for readers that prefer a <see cref="ChannelReader{T}"/>.</summary>
    public ChannelReader<NatsMsg> Messages => _channel.Reader;

    /// <summary>The subscription id on the wire.</summary>
    internal int Sid { get; }

    int IMessageTarget.Sid => Sid;

    /// <inheritdoc />
    public IAsyncEnumerator<NatsMsg> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>Unsubscribes; buffered messages can still be read, then the enumeration ends.</summary>
    public ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        _connection.Unsubscribe(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Ends the enumeration when the connection closes.</summary>
    internal void Complete() => _channel.Writer.TryComplete();

    void IMessageTarget.Deliver(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySequence<byte> headers, ReadOnlySequence<byte> payload)
    {
        if (!subject.SequenceEqual(_lastSubjectBytes))
        {
            _lastSubjectBytes = subject.ToArray();
            _lastSubject = Encoding.UTF8.GetString(subject);
        }

        var message = new NatsMsg(
            _lastSubject,
            replyTo.IsEmpty ? null : Encoding.UTF8.GetString(replyTo),
            headers.IsEmpty ? null : NatsHeaders.Parse(headers.IsSingleSegment ? headers.FirstSpan : headers.ToArray()),
            payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : payload.ToArray());
        if (!_channel.Writer.TryWrite(message) && !_channel.Reader.Completion.IsCompleted)
        {
            Interlocked.Increment(ref _dropped);
            _connection.CountSlowConsumerDrop(this);
        }
    }
}
