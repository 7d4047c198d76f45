namespace ChatBotKit.Nats.Protocol;

/// <summary>
/// Collects commands from any thread into one buffer that a single writer loop sends, so that many
/// small publishes leave in few large writes. While detached (no connection) publishes wait in a
/// bounded buffer and everything else is dropped; <see cref="Attach"/> sends them after the
/// resubscribes.
/// </summary>
internal sealed class CommandWriter : IDisposable
{
    private static readonly byte[] PingCommand = "PING\r\n"u8.ToArray();
    private static readonly byte[] PongCommand = "PONG\r\n"u8.ToArray();

    private readonly Lock _lock = new();
    private readonly int _highWater;
    private readonly int _offlineCapacity;
    private readonly NatsBufferFullMode _fullMode;
    private readonly Queue<byte[]> _offline = new();
    private readonly Queue<TaskCompletionSource<bool>?> _pongWaiters = new();
    private readonly SemaphoreSlim _signal = new(0);
    private byte[] _pending = new byte[64 * 1024];
    private byte[] _sending = new byte[64 * 1024];
    private int _pendingLength;
    private bool _signaled;
    private bool _attached;
    private TaskCompletionSource? _drained;
    private long _droppedOffline;
    private long _rejectedOffline;

    public CommandWriter(int highWater, int offlineCapacity, NatsBufferFullMode fullMode)
    {
        _highWater = highWater;
        _offlineCapacity = offlineCapacity;
        _fullMode = fullMode;
    }

    public long DroppedOffline => Interlocked.Read(ref _droppedOffline);

    public long RejectedOffline => Interlocked.Read(ref _rejectedOffline);

    /// <summary>Publishes kept for the next connection.</summary>
    public int Buffered
    {
        get
        {
            lock (_lock)
            {
                return _offline.Count;
            }
        }
    }

    /// <summary>
    /// Queues a publish. Returns a task to await before trying again when the buffer is over its high
    /// water mark (nothing was queued then), otherwise <see langword="null"/>.
    /// </summary>
    public Task? TryPublish(string subject, string? replyTo, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload)
    {
        var size = CommandEncoder.PublishSize(subject, replyTo, headers.Length, payload.Length);
        lock (_lock)
        {
            if (!_attached)
            {
                var command = new byte[size];
                var length = CommandEncoder.WritePublish(command, subject, replyTo, headers, payload);
                BufferOffline(command.AsSpan(0, length).ToArray());
                return null;
            }

            if (_pendingLength > _highWater && _pendingLength > 0)
            {
                _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _drained.Task;
            }

            EnsureCapacity(size);
            _pendingLength += CommandEncoder.WritePublish(_pending.AsSpan(_pendingLength), subject, replyTo, headers, payload);
            Signal();
            return null;
        }
    }

    /// <summary>Queues a control command (SUB, UNSUB, PONG); dropped while detached.</summary>
    public void WriteControl(ReadOnlySpan<byte> command)
    {
        lock (_lock)
        {
            if (_attached)
            {
                Append(command);
            }
        }
    }

    public void WritePong() => WriteControl(PongCommand);

    /// <summary>Sends a PING; <paramref name="waiter"/> gets true on its PONG and false if the connection goes first.</summary>
    public void WritePing(TaskCompletionSource<bool>? waiter)
    {
        lock (_lock)
        {
            if (!_attached)
            {
                waiter?.TrySetResult(false);
                return;
            }

            _pongWaiters.Enqueue(waiter);
            Append(PingCommand);
        }
    }

    public void OnPong()
    {
        TaskCompletionSource<bool>? waiter = null;
        lock (_lock)
        {
            if (_pongWaiters.Count > 0)
            {
                waiter = _pongWaiters.Dequeue();
            }
        }

        waiter?.TrySetResult(true);
    }

    /// <summary>Starts sending on a new connection: <paramref name="first"/> (resubscribes), then the buffered publishes.</summary>
    public void Attach(IEnumerable<byte[]> first)
    {
        lock (_lock)
        {
            _pendingLength = 0;
            _attached = true;
            foreach (var command in first)
            {
                Append(command);
            }

            while (_offline.TryDequeue(out var command))
            {
                Append(command);
            }
        }
    }

    /// <summary>Stops sending: unsent commands are dropped and PING waiters told the connection is gone.</summary>
    public void Detach()
    {
        TaskCompletionSource<bool>?[] waiters;
        TaskCompletionSource? drained;
        lock (_lock)
        {
            _attached = false;
            _pendingLength = 0;
            waiters = [.. _pongWaiters];
            _pongWaiters.Clear();
            drained = _drained;
            _drained = null;
        }

        foreach (var waiter in waiters)
        {
            waiter?.TrySetResult(false);
        }

        drained?.TrySetResult();
    }

    /// <summary>The writer loop: sends whatever accumulated, one write per batch, until cancelled or the stream fails.</summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            byte[] batch;
            int length;
            TaskCompletionSource? drained;
            lock (_lock)
            {
                _signaled = false;
                if (!_attached || _pendingLength == 0)
                {
                    continue;
                }

                (batch, _sending, _pending) = (_pending, _pending, _sending);
                length = _pendingLength;
                _pendingLength = 0;
                drained = _drained;
                _drained = null;
            }

            drained?.TrySetResult();
            await stream.WriteAsync(batch.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _signal.Dispose();

    private void BufferOffline(byte[] command)
    {
        if (_offline.Count >= _offlineCapacity)
        {
            if (_fullMode == NatsBufferFullMode.Fail || _offlineCapacity == 0)
            {
                Interlocked.Increment(ref _rejectedOffline);
                throw new NatsBufferFullException($"The reconnect buffer holds {_offlineCapacity} publishes already; this one was not kept.");
            }

            _offline.Dequeue();
            Interlocked.Increment(ref _droppedOffline);
        }

        _offline.Enqueue(command);
    }

    private void Append(ReadOnlySpan<byte> command)
    {
        EnsureCapacity(command.Length);
        command.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += command.Length;
        Signal();
    }

    private void EnsureCapacity(int size)
    {
        if (_pending.Length - _pendingLength < size)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + size));
        }
    }

    private void Signal()
    {
        if (!_signaled)
        {
            _signaled = true;
            _signal.Release();
        }
    }
}
