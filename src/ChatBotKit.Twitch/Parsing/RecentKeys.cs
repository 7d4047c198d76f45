namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// The last <c>capacity</c> distinct keys seen, oldest forgotten first: what the duplicate filters
/// (Shared Chat copies, lines seen on both connections during a handover) remember. Looks up spans
/// without allocating; copies a key only when it is new. Not thread-safe.
/// </summary>
internal sealed class RecentKeys
{
    private readonly int _capacity;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Queue<string> _order = new();

    public RecentKeys(int capacity)
    {
        _capacity = capacity;
        _lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True, and remembered, when <paramref name="key"/> is not among the recent keys.</summary>
    public bool Add(ReadOnlySpan<char> key)
    {
        if (_lookup.Contains(key))
        {
            return false;
        }

        var kept = new string(key);
        _seen.Add(kept);
        _order.Enqueue(kept);
        if (_order.Count > _capacity)
        {
            _seen.Remove(_order.Dequeue());
        }

        return true;
    }

    /// <summary>Forgets every key.</summary>
    public void Clear()
    {
        _seen.Clear();
        _order.Clear();
    }
}
