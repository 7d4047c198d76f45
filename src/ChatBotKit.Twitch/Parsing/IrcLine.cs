using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// One IRC line (<c>[@tags] [:prefix] COMMAND [params] [:trailing]</c>) split without copying: each
/// part is a span over the original text. Parsing never throws; a line without a command is invalid.
/// </summary>
public readonly struct IrcLine
{
    private readonly TextSlice _tags;
    private readonly TextSlice _prefix;
    private readonly TextSlice _command;
    private readonly TextSlice _first;
    private readonly TextSlice _second;
    private readonly TextSlice _trailing;
    private readonly int _middleCount;
    private readonly KnownTags _known;

    /// <summary>The whole line as received (without its line ending).</summary>
    public string Text { get; }

    /// <summary>Whether the line had a command.</summary>
    public bool IsValid => Text is not null && _command.Length > 0;

    /// <summary>The raw (still escaped) tag section without the leading <c>@</c>.</summary>
    public ReadOnlySpan<char> Tags => _tags.Of(Text);

    /// <summary>The prefix without the leading colon (<c>nick!user@host</c> or a server name).</summary>
    public ReadOnlySpan<char> Prefix => _prefix.Of(Text);

    /// <summary>The tags the event parser reads, located while the line was split.</summary>
    [UnscopedRef]
    internal ref readonly KnownTags Known => ref _known;

    /// <summary>The nick part of the prefix.</summary>
    public ReadOnlySpan<char> Nick
    {
        get
        {
            var prefix = Prefix;
            var bang = prefix.IndexOfAny('!', '@');
            return bang < 0 ? prefix : prefix[..bang];
        }
    }

    /// <summary>The command or numeric, as sent.</summary>
    public ReadOnlySpan<char> Command => _command.Of(Text);

    /// <summary>How many parameters the line has, the trailing one included.</summary>
    public int ParameterCount => _middleCount + (_trailing.Exists ? 1 : 0);

    /// <summary>Whether the last parameter was written after a colon.</summary>
    public bool HasTrailing => _trailing.Exists;

    /// <summary>The last parameter (often the text), or empty.</summary>
    public ReadOnlySpan<char> LastParameter => ParameterCount == 0 ? [] : Parameter(ParameterCount - 1);

    /// <summary>The parameter at <paramref name="index"/> (only the first two middle ones and the trailing one are kept), or empty.</summary>
    public ReadOnlySpan<char> Parameter(int index)
    {
        if (index < _middleCount)
        {
            return index switch
            {
                0 => _first.Of(Text),
                1 => _second.Of(Text),
                _ => [],
            };
        }

        return index == _middleCount ? _trailing.Of(Text) : [];
    }

    /// <summary>The raw (escaped) value of tag <paramref name="key"/>; false when absent. A tag without <c>=</c> has an empty value.</summary>
    public bool TryGetTag(ReadOnlySpan<char> key, out ReadOnlySpan<char> value) => TagReader.TryGet(Tags, key, out value);

    /// <summary>The unescaped value of tag <paramref name="key"/>, or <see langword="null"/> when absent.</summary>
    public string? GetTag(string key) => TryGetTag(key, out var value) ? TagValue.Unescape(value) : null;

    /// <summary>Splits <paramref name="line"/>; a trailing CR/LF is ignored.</summary>
    public static IrcLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new IrcLine(line);
    }

    // Splits in place: the tag index is large, so it is written where the line will live.
    private IrcLine(string line)
    {
        Text = line;
        var span = line.AsSpan();
        var i = 0;
        _tags = TextSlice.None;
        _prefix = TextSlice.None;
        int end;

        // The line ending is looked for only after the tags: reading the line front to back lets the
        // processor fetch it ahead, where a first look at its last character would wait for memory.
        if (span.Length > 0 && span[0] == '@')
        {
            var space = KnownTags.Read(ref _known, line, 1, span.Length);
            end = WithoutLineEnding(span);
            if (space > end)
            {
                _known = default;
                space = KnownTags.Read(ref _known, line, 1, end);
            }

            _tags = new TextSlice(1, space - 1);
            i = SkipSpaces(span, space, end);
        }
        else
        {
            end = WithoutLineEnding(span);
        }

        if (i < end && span[i] == ':')
        {
            var space = Find(span, i, end);
            _prefix = new TextSlice(i + 1, space - i - 1);
            i = SkipSpaces(span, space, end);
        }

        var commandEnd = Find(span, i, end);
        _command = new TextSlice(i, commandEnd - i);
        i = commandEnd;
        _first = _second = _trailing = TextSlice.None;
        var middle = 0;
        while (true)
        {
            i = SkipSpaces(span, i, end);
            if (i >= end)
            {
                break;
            }

            if (span[i] == ':')
            {
                _trailing = new TextSlice(i + 1, end - i - 1);
                break;
            }

            var paramEnd = Find(span, i, end);
            if (middle == 0)
            {
                _first = new TextSlice(i, paramEnd - i);
            }
            else if (middle == 1)
            {
                _second = new TextSlice(i, paramEnd - i);
            }

            middle++;
            i = paramEnd;
        }

        _middleCount = Math.Min(middle, 2);
    }

    // The next space from `from`, or `end`. Tokens after the tags are short, so where 32 characters
    // can be compared at once that is done inline rather than through a call to IndexOf.
    private static int Find(ReadOnlySpan<char> span, int from, int end)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
            for (; from + Vector512<ushort>.Count <= span.Length && from < end; from += Vector512<ushort>.Count)
            {
                var spaces = Vector512.Equals(Vector512.LoadUnsafe(ref first, (nuint)from), Vector512.Create((ushort)' ')).ExtractMostSignificantBits();
                if (spaces != 0)
                {
                    return Math.Min(from + BitOperations.TrailingZeroCount(spaces), end);
                }
            }
        }

        var found = span[Math.Min(from, end)..end].IndexOf(' ');
        return found < 0 ? end : from + found;
    }

    private static int WithoutLineEnding(ReadOnlySpan<char> span)
    {
        var end = span.Length;
        while (end > 0 && span[end - 1] is '\r' or '\n')
        {
            end--;
        }

        return end;
    }

    private static int SkipSpaces(ReadOnlySpan<char> span, int from, int end)
    {
        while (from < end && span[from] == ' ')
        {
            from++;
        }

        return from;
    }
}
