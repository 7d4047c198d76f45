using ChatBotKit.Sources;

namespace ChatBotKit.Twitch.Sending;

/// <summary>
/// The bot's waiting messages: one first-in-first-out queue per channel, bounded in total. The send
/// loop takes the oldest message whose channel may send now, so a channel that has to wait (its
/// gap, slow mode, a pause after a NOTICE) never holds up another. Thread-safe.
/// </summary>
internal sealed class TwitchOutbox(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Waiting>> _queues = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private long _sequence;
    private int _count;
    private bool _completed;

    /// <summary>Completes when a message is added or the outbox is completed; take it before <see cref="TryTake"/>.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Whether the outbox is completed and empty.</summary>
    public bool IsDone
    {
        get
        {
            lock (_gate)
            {
                return _completed && _count == 0;
            }
        }
    }

    /// <summary>Queues a message for <paramref name="channel"/>; when full, the oldest waiting message (of any channel) makes room and is returned in <paramref name="dropped"/>.</summary>
    /// <returns>False when the outbox is completed.</returns>
    public bool TryAdd(string channel, OutgoingMessage message, out Waiting? dropped) => TryAdd(channel, message, out dropped, out _);

    /// <summary>As the other overload; <paramref name="added"/> is the queued entry, whose outcome the send loop sets.</summary>
    public bool TryAdd(string channel, OutgoingMessage message, out Waiting? dropped, out Waiting? added)
    {
        dropped = null;
        added = null;
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            if (_count >= capacity)
            {
                dropped = RemoveOldest();
            }

            if (!_queues.TryGetValue(channel, out var queue))
            {
                queue = new Queue<Waiting>();
                _queues[channel] = queue;
            }

            added = new Waiting(channel, message, _sequence++, new(TaskCreationOptions.RunContinuationsAsynchronously));
            queue.Enqueue(added);
            _count++;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return true;
    }

    /// <summary>Accepts no more messages; those waiting are still taken.</summary>
    public void Complete()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _completed = true;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    /// <summary>
    /// Takes the oldest message whose channel's <paramref name="delayFor"/> is zero. When none may go,
    /// <paramref name="wait"/> is the shortest delay among the waiting channels (infinite when empty).
    /// </summary>
    public bool TryTake(Func<string, TimeSpan> delayFor, out Waiting? taken, out TimeSpan wait)
    {
        taken = null;
        wait = Timeout.InfiniteTimeSpan;
        lock (_gate)
        {
            Queue<Waiting>? best = null;
            foreach (var queue in _queues.Values)
            {
                var delay = delayFor(queue.Peek().Channel);
                if (delay <= TimeSpan.Zero)
                {
                    if (best is null || queue.Peek().Sequence < best.Peek().Sequence)
                    {
                        best = queue;
                    }
                }
                else if (wait == Timeout.InfiniteTimeSpan || delay < wait)
                {
                    wait = delay;
                }
            }

            if (best is null)
            {
                return false;
            }

            taken = Dequeue(best);
            wait = TimeSpan.Zero;
            return true;
        }
    }

    private Waiting RemoveOldest()
    {
        Queue<Waiting>? oldest = null;
        foreach (var queue in _queues.Values)
        {
            if (oldest is null || queue.Peek().Sequence < oldest.Peek().Sequence)
            {
                oldest = queue;
            }
        }

        return Dequeue(oldest!);
    }

    private Waiting Dequeue(Queue<Waiting> queue)
    {
        var waiting = queue.Dequeue();
        _count--;
        if (queue.Count == 0)
        {
            _queues.Remove(waiting.Channel);
        }

        return waiting;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A queued message, its normalized channel, its place in the order of arrival, and what became of it once sent or dropped.</summary>
    internal sealed record Waiting(string Channel, OutgoingMessage Message, long Sequence, TaskCompletionSource<SendResult> Outcome);
}
