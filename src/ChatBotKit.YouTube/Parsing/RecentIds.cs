namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// The last few thousand item ids seen, so that an item repeated on overlapping pages is delivered
/// once. Bounded: the oldest id is forgotten when a new one arrives at capacity.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Records <paramref name="id"/>; <see langword="false"/> when it was already recorded.</summary>
    public bool Add(string id)
    {
        if (!_seen.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _seen.Remove(_order.Dequeue());
        }

        return true;
    }
}
