namespace ChatBotKit.RateLimiting;

/// <summary>The most recent timestamps of one key, newest last; grows to the largest limit asked of it.</summary>
internal sealed class TimestampRing
{
    private DateTimeOffset[] _items = new DateTimeOffset[4];
    private int _head;
    private int _count;

    public DateTimeOffset Newest => _count == 0 ? DateTimeOffset.MinValue : _items[(_head + _count - 1) % _items.Length];

    public bool IsEmpty => _count == 0;

    /// <summary><paramref name="time"/> plus a non-negative <paramref name="span"/>, stopping at <see cref="DateTimeOffset.MaxValue"/> instead of throwing.</summary>
    public static DateTimeOffset AddClamped(DateTimeOffset time, TimeSpan span) =>
        span >= DateTimeOffset.MaxValue - time ? DateTimeOffset.MaxValue : time + span;

    public void Add(DateTimeOffset timestamp, int keep)
    {
        if (keep > _items.Length)
        {
            Grow(keep);
        }

        if (_count < _items.Length)
        {
            _items[(_head + _count) % _items.Length] = timestamp;
            _count++;
            return;
        }

        _items[_head] = timestamp;
        _head = (_head + 1) % _items.Length;
    }

    /// <summary>Removes the newest entry equal to <paramref name="timestamp"/>, if it is still held.</summary>
    public void Remove(DateTimeOffset timestamp)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            if (_items[(_head + i) % _items.Length] != timestamp)
            {
                continue;
            }

            for (var j = i; j < _count - 1; j++)
            {
                _items[(_head + j) % _items.Length] = _items[(_head + j + 1) % _items.Length];
            }

            _count--;
            return;
        }
    }

    /// <summary>
    /// Blocked when the <paramref name="limit"/>-th newest timestamp is still inside the window;
    /// the reply may go once that one leaves it.
    /// </summary>
    public TimeSpan RetryAfter(int limit, TimeSpan window, DateTimeOffset now)
    {
        if (limit > _count)
        {
            return TimeSpan.Zero;
        }

        var nth = _items[(_head + _count - limit) % _items.Length];
        var frees = AddClamped(nth, window);
        return frees > now ? frees - now : TimeSpan.Zero;
    }

    private void Grow(int capacity)
    {
        var grown = new DateTimeOffset[capacity];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _items[(_head + i) % _items.Length];
        }

        _items = grown;
        _head = 0;
    }
}
