namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// One IRC line (<c>[@tags] [:prefix] COMMAND [params] [:trailing]</c>) split without copying: each
/// part is a span over the original text. Parsing never throws; a line without a command is invalid.
/// </summary>
internal readonly struct IrcLine
{
    private readonly TextSlice _tags;
    private readonly TextSlice _prefix;
    private readonly TextSlice _command;
    private readonly TextSlice _first;
    private readonly TextSlice _second;
    private readonly TextSlice _trailing;
    private readonly int _middleCount;

    private IrcLine(string line)
    {
        Text = line;
        var end = line.AsSpan().TrimEnd("\r\n").Length;
        var i = 0;
        _tags = _prefix = _first = _second = _trailing = TextSlice.None;
        if (i < end && line[i] == '@')
        {
            var space = NextSpace(line, 1, end);
            _tags = new TextSlice(1, space - 1);
            i = SkipSpaces(line, space, end);
        }

        if (i < end && line[i] == ':')
        {
            var space = NextSpace(line, i, end);
            _prefix = new TextSlice(i + 1, space - i - 1);
            i = SkipSpaces(line, space, end);
        }

        var commandEnd = NextSpace(line, i, end);
        _command = new TextSlice(i, commandEnd - i);
        var middle = 0;
        for (i = SkipSpaces(line, commandEnd, end); i < end; i = SkipSpaces(line, i, end))
        {
            if (line[i] == ':')
            {
                _trailing = new TextSlice(i + 1, end - i - 1);
                break;
            }

            var paramEnd = NextSpace(line, i, end);
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

    /// <summary>The whole line as received (without its line ending).</summary>
    public string Text { get; }

    /// <summary>Whether the line had a command.</summary>
    public bool IsValid => Text is not null && _command.Length > 0;

    /// <summary>The raw (still escaped) tag section without the leading <c>@</c>.</summary>
    public ReadOnlySpan<char> Tags => _tags.Of(Text);

    /// <summary>The prefix without the leading colon (<c>nick!user@host</c> or a server name).</summary>
    public ReadOnlySpan<char> Prefix => _prefix.Of(Text);

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

    /// <summary>Splits <paramref name="line"/>; a trailing CR/LF is ignored.</summary>
    public static IrcLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new IrcLine(line);
    }

    /// <summary>The parameter at <paramref name="index"/> (only the first two middle ones and the trailing one are kept), or empty.</summary>
    public ReadOnlySpan<char> Parameter(int index)
    {
        if (index >= 0 && index < _middleCount)
        {
            return index == 0 ? _first.Of(Text) : _second.Of(Text);
        }

        return index == _middleCount ? _trailing.Of(Text) : [];
    }

    /// <summary>The raw (escaped) value of tag <paramref name="key"/>; false when absent. A tag without <c>=</c> has an empty value.</summary>
    public bool TryGetTag(ReadOnlySpan<char> key, out ReadOnlySpan<char> value) => TagReader.TryGet(Tags, key, out value);

    /// <summary>The unescaped value of tag <paramref name="key"/>, or <see langword="null"/> when absent.</summary>
    public string? GetTag(string key) => TryGetTag(key, out var value) ? TagValue.Unescape(value) : null;

    // The next space from `from`, or `end`.
    private static int NextSpace(string line, int from, int end)
    {
        var found = line.AsSpan(from, end - from).IndexOf(' ');
        return found < 0 ? end : from + found;
    }

    private static int SkipSpaces(string line, int from, int end)
    {
        while (from < end && line[from] == ' ')
        {
            from++;
        }

        return from;
    }
}
