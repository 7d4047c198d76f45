namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// Hands out one string per distinct name (channel names, message-kind ids) so the parser does not
/// allocate a new one per line. Bounded: past <see cref="Capacity"/> names it starts over.
/// Not thread-safe; one parser, one reader loop.
/// </summary>
internal sealed class NameCache
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string?[] _recent = new string?[1024];

    public NameCache(int capacity = 4096)
    {
        Capacity = capacity;
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    public string Get(ReadOnlySpan<char> name)
    {
        // A small direct-mapped front holds only names that need no unescaping, so a hit is exact.
        var slot = (int)(TextHash.Of(name) >> 54);
        if (_recent[slot] is { } recent && name.SequenceEqual(recent))
        {
            return recent;
        }

        if (_lookup.TryGetValue(name, out var cached))
        {
            return Remember(slot, name, cached);
        }

        if (_names.Count >= Capacity)
        {
            _names.Clear();
        }

        var created = TagValue.Unescape(name);
        _lookup[name] = created;
        return Remember(slot, name, created);
    }

    private string Remember(int slot, ReadOnlySpan<char> name, string text)
    {
        if (name.SequenceEqual(text))
        {
            _recent[slot] = text;
        }

        return text;
    }
}
