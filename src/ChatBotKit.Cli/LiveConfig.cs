using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ChatBotKit.Cli;

/// <summary>The script's <c>Config</c>: the values of the configuration that loaded last, swapped whole on a reload.</summary>
internal sealed class LiveConfig(IReadOnlyDictionary<string, string> values) : IReadOnlyDictionary<string, string>
{
    private volatile IReadOnlyDictionary<string, string> _values = values;

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<string> Values => _values.Values;

    public string this[string key] => _values[key];

    /// <summary>Makes <paramref name="values"/> what scripts see from now on; returns the values they saw before.</summary>
    public IReadOnlyDictionary<string, string> Replace(IReadOnlyDictionary<string, string> values) => Interlocked.Exchange(ref _values, values);

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
