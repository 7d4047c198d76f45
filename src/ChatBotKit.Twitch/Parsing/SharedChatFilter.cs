namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Remembers the last <c>source-id</c>s of Shared Chat messages so a message delivered to several
/// joined rooms of one session is let through once. Not thread-safe.
/// </summary>
internal sealed class SharedChatFilter
{
    private const int Capacity = 1024;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Queue<string> _order = new();

    public SharedChatFilter() => _lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True the first time <paramref name="sourceId"/> is seen (and always for an empty id).</summary>
    public bool IsFirst(ReadOnlySpan<char> sourceId)
    {
        if (sourceId.IsEmpty)
        {
            return true;
        }

        if (_lookup.Contains(sourceId))
        {
            return false;
        }

        var id = new string(sourceId);
        _seen.Add(id);
        _order.Enqueue(id);
        if (_order.Count > Capacity)
        {
            _seen.Remove(_order.Dequeue());
        }

        return true;
    }
}
