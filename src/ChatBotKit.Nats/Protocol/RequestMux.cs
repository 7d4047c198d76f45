using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;

namespace ChatBotKit.Nats.Protocol;

/// <summary>
/// Matches replies to requests through one wildcard inbox subscription (<c>_INBOX.&lt;id&gt;.*</c>): each
/// request gets the reply subject <c>_INBOX.&lt;id&gt;.&lt;n&gt;</c>, and the reader completes its waiter.
/// </summary>
internal sealed class RequestMux : IMessageTarget
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<NatsMsg>> _waiting = new();
    private readonly string _prefix;
    private long _next;

    public RequestMux(string inboxPrefix, int sid)
    {
        _prefix = $"{inboxPrefix}.{Guid.NewGuid():N}.";
        Sid = sid;
    }

    public int Sid { get; }

    public string Subject => _prefix + "*";

    public string? QueueGroup => null;

    /// <summary>Registers a request; returns its reply subject and the task its reply completes.</summary>
    public (string ReplyTo, long Id, Task<NatsMsg> Reply) Register()
    {
        var id = Interlocked.Increment(ref _next);
        var waiter = new TaskCompletionSource<NatsMsg>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = waiter;
        return (_prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, waiter.Task);
    }

    public void Forget(long id) => _waiting.TryRemove(id, out _);

    public void Deliver(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> replyTo, ReadOnlySequence<byte> headers, ReadOnlySequence<byte> payload)
    {
        var dot = subject.LastIndexOf((byte)'.');
        if (dot < 0 || !Utf8Parser.TryParse(subject[(dot + 1)..], out long id, out _) || !_waiting.TryRemove(id, out var waiter))
        {
            return;
        }

        var parsed = headers.IsEmpty ? null : NatsHeaders.Parse(headers.ToArray());
        if (parsed is { Status: 503 } && payload.IsEmpty)
        {
            waiter.TrySetException(new NatsNoRespondersException("No subscriber answered on the request's subject."));
            return;
        }

        waiter.TrySetResult(new NatsMsg(
            Encoding.UTF8.GetString(subject),
            replyTo.IsEmpty ? null : Encoding.UTF8.GetString(replyTo),
            parsed,
            payload.ToArray()));
    }
}
