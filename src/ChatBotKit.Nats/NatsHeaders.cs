using System.Globalization;
using System.Text;

namespace ChatBotKit.Nats;

/// <summary>
/// A message's headers: names keep their case and compare case-insensitively; a name may carry several
/// values. Received headers may carry a status (503 = no responders) from the <c>NATS/1.0</c> line.
/// </summary>
public sealed class NatsHeaders
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    /// <summary>The status code on the first line of received headers; 0 when there is none.</summary>
    public int Status { get; private set; }

    /// <summary>The status description on the first line of received headers, if any.</summary>
    public string? StatusDescription { get; private set; }

    /// <summary>Every header as name/value pairs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    /// <summary>The first value of <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Adds a value for <paramref name="name"/>; returns this for chaining.</summary>
    /// <exception cref="ArgumentException">The name or value contains a line break or the name a colon.</exception>
    public NatsHeaders Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.AsSpan().IndexOfAny(":\r\n ") >= 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"Header '{name}' has a name or value that cannot go on the wire.", nameof(name));
        }

        _entries.Add(new(name, value));
        return this;
    }

    /// <summary>All values of <paramref name="name"/>.</summary>
    public IEnumerable<string> GetValues(string name) =>
        _entries.Where(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value);

    /// <summary>The wire form: <c>NATS/1.0\r\n</c>, one line per value, a blank line.</summary>
    internal byte[] ToWire()
    {
        var builder = new StringBuilder("NATS/1.0\r\n");
        foreach (var (name, value) in _entries)
        {
            builder.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.Append("\r\n").ToString());
    }

    /// <summary>Reads a received header block; malformed lines are skipped.</summary>
    internal static NatsHeaders Parse(ReadOnlySpan<byte> block)
    {
        var headers = new NatsHeaders();
        var text = Encoding.UTF8.GetString(block);
        var lines = text.Split("\r\n");
        var first = lines[0];
        if (first.StartsWith("NATS/1.0", StringComparison.Ordinal) && first.Length > 8)
        {
            var rest = first[8..].Trim();
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var code = space < 0 ? rest : rest[..space];
            if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                headers.Status = status;
                headers.StatusDescription = space < 0 ? null : rest[(space + 1)..].Trim();
            }
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers._entries.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
        }

        return headers;
    }
}
