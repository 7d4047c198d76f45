namespace ChatBotKit.Context;

/// <summary>
/// The last <see cref="Capacity"/> lines of one channel, dropping lines older than
/// <see cref="MaxAge"/>. Adding is O(1) and allocation-free; removals by user or message id scan
/// the window. Safe to use from several threads.
/// </summary>
public sealed class ContextWindow
{
    private readonly Lock _gate = new();
    private ContextEntry[] _ring;
    private int _head;
    private int _count;

    /// <summary>Creates a window.</summary>
    /// <param name="capacity">How many lines to keep (at least 1).</param>
    /// <param name="maxAge">How long a line stays; <see cref="Timeout.InfiniteTimeSpan"/> keeps lines until pushed out.</param>
    public ContextWindow(int capacity, TimeSpan maxAge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new ContextEntry[capacity];
        MaxAge = maxAge;
    }

    /// <summary>How many lines the window keeps.</summary>
    public int Capacity => _ring.Length;

    /// <summary>How long a line stays in the window.</summary>
    public TimeSpan MaxAge { get; private set; }

    /// <summary>How many lines the window holds now (expired lines included until the next add or read).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Adds a line, pushing out the oldest when full and dropping lines that have expired.</summary>
    public void Add(in ContextEntry entry)
    {
        lock (_gate)
        {
            DropExpired(entry.Timestamp);
            var tail = (_head + _count) % _ring.Length;
            _ring[tail] = entry;
            if (_count == _ring.Length)
            {
                _head = (_head + 1) % _ring.Length;
            }
            else
            {
                _count++;
            }
        }
    }

    /// <summary>The lines still fresh at <paramref name="now"/>, oldest first.</summary>
    public ContextEntry[] Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            DropExpired(now);
            var copy = new ContextEntry[_count];
            for (var i = 0; i < _count; i++)
            {
                copy[i] = _ring[(_head + i) % _ring.Length];
            }

            return copy;
        }
    }

    /// <summary>Forgets every line by <paramref name="userId"/> (timed out or banned users). Returns how many went.</summary>
    public int RemoveUser(string userId) =>
        RemoveWhere(static (in ContextEntry e, string id) => !e.FromBot && string.Equals(e.UserId, id, StringComparison.OrdinalIgnoreCase), userId);

    /// <summary>Forgets the line with <paramref name="messageId"/> (a deleted message). Returns how many went.</summary>
    public int RemoveMessage(string messageId) =>
        RemoveWhere(static (in ContextEntry e, string id) => string.Equals(e.MessageId, id, StringComparison.Ordinal), messageId);

    /// <summary>Changes capacity and age limit, keeping the newest lines that fit.</summary>
    public void Reconfigure(int capacity, TimeSpan maxAge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        lock (_gate)
        {
            MaxAge = maxAge;
            if (capacity == _ring.Length)
            {
                return;
            }

            var keep = Math.Min(_count, capacity);
            var resized = new ContextEntry[capacity];
            for (var i = 0; i < keep; i++)
            {
                resized[i] = _ring[(_head + _count - keep + i) % _ring.Length];
            }

            _ring = resized;
            _head = 0;
            _count = keep;
        }
    }

    private delegate bool EntryPredicate(in ContextEntry entry, string key);

    private int RemoveWhere(EntryPredicate predicate, string key)
    {
        lock (_gate)
        {
            var kept = 0;
            for (var i = 0; i < _count; i++)
            {
                var entry = _ring[(_head + i) % _ring.Length];
                if (!predicate(entry, key))
                {
                    _ring[(_head + kept) % _ring.Length] = entry;
                    kept++;
                }
            }

            var removed = _count - kept;
            for (var i = kept; i < _count; i++)
            {
                _ring[(_head + i) % _ring.Length] = default;
            }

            _count = kept;
            return removed;
        }
    }

    private void DropExpired(DateTimeOffset now)
    {
        if (MaxAge == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (now.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= MaxAge.Ticks)
        {
            return;
        }

        var cutoff = now - MaxAge;
        while (_count > 0 && _ring[_head].Timestamp < cutoff)
        {
            _ring[_head] = default;
            _head = (_head + 1) % _ring.Length;
            _count--;
        }
    }
}
