using System.Buffers;

namespace ChatBotKit.Filters;

/// <summary>
/// A text normalized for <see cref="DuplicateFilter"/> (lower-cased; punctuation, white space and
/// control characters turned into single spaces; trimmed) and its sorted, distinct character
/// trigrams, padded with a space at each end. Buffers come from the array pool; dispose it.
/// </summary>
internal sealed class TrigramFingerprint : IDisposable
{
    private char[] _text;
    private ulong[] _grams = [];
    private int _length;
    private int _gramCount = -1;

    public TrigramFingerprint(int capacity) => _text = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 1));

    public ReadOnlySpan<char> Text => _text.AsSpan(0, _length);

    /// <summary>Appends <paramref name="text"/>, normalized, after a space if there is text already.</summary>
    public void Add(string text)
    {
        var space = _length > 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsPunctuation(c))
            {
                space = _length > 0;
                continue;
            }

            if (space)
            {
                Append(' ');
                space = false;
            }

            Append(char.ToLowerInvariant(c));
        }

        _gramCount = -1;
    }

    public void Clear()
    {
        _length = 0;
        _gramCount = -1;
    }

    public static double Dice(TrigramFingerprint a, TrigramFingerprint b)
    {
        var first = a.Grams();
        var second = b.Grams();
        if (first.Length + second.Length == 0)
        {
            return 1;
        }

        int i = 0, j = 0, shared = 0;
        while (i < first.Length && j < second.Length)
        {
            var order = first[i].CompareTo(second[j]);
            shared += order == 0 ? 1 : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return 2.0 * shared / (first.Length + second.Length);
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_text);
        if (_grams.Length > 0)
        {
            ArrayPool<ulong>.Shared.Return(_grams);
        }
    }

    /// <summary>The distinct trigrams of the text padded with a space at each end, sorted.</summary>
    private ReadOnlySpan<ulong> Grams()
    {
        if (_gramCount >= 0)
        {
            return _grams.AsSpan(0, _gramCount);
        }

        if (_grams.Length < _length)
        {
            if (_grams.Length > 0)
            {
                ArrayPool<ulong>.Shared.Return(_grams);
            }

            _grams = ArrayPool<ulong>.Shared.Rent(_length);
        }

        var grams = _grams.AsSpan(0, _length);
        for (var i = 0; i < _length; i++)
        {
            var previous = i == 0 ? ' ' : _text[i - 1];
            var next = i == _length - 1 ? ' ' : _text[i + 1];
            grams[i] = ((ulong)previous << 32) | ((ulong)_text[i] << 16) | next;
        }

        grams.Sort();
        _gramCount = grams.Length == 0 ? 0 : 1;
        for (var i = 1; i < grams.Length; i++)
        {
            if (grams[i] != grams[_gramCount - 1])
            {
                grams[_gramCount++] = grams[i];
            }
        }

        return _grams.AsSpan(0, _gramCount);
    }

    private void Append(char c)
    {
        if (_length == _text.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(_text.Length * 2);
            _text.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_text);
            _text = larger;
        }

        _text[_length++] = c;
    }
}
