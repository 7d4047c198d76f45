namespace ChatBotKit.Engine;

/// <summary>Counts the events queued and the replies in flight across channels, and tells waiters when none is left.</summary>
internal sealed class PendingWork
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _idle;
    private long _pending;

    /// <summary>One more event or reply to wait for.</summary>
    public void Add() => Interlocked.Increment(ref _pending);

    /// <summary>One event or reply finished.</summary>
    public void Done()
    {
        if (Interlocked.Decrement(ref _pending) != 0)
        {
            return;
        }

        lock (_gate)
        {
            if (Interlocked.Read(ref _pending) == 0 && _idle is { } idle)
            {
                _idle = null;
                idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes when no event is queued and no reply is in flight.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Interlocked.Read(ref _pending) == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }
}
