namespace ChatBotKit.Filters;

/// <summary>
/// Text being de-markdowned, with a flag per character that marks it as literal (code, URLs,
/// escaped characters) so the emphasis pass leaves it alone.
/// </summary>
internal sealed class MarkdownBuffer
{
    private char[] _chars;
    private bool[] _literal;

    public MarkdownBuffer(int capacity)
    {
        _chars = new char[Math.Max(capacity, 16)];
        _literal = new bool[_chars.Length];
    }

    public int Length { get; private set; }

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    public bool IsLiteral(int index) => _literal[index];

    public void Append(char c, bool literal = false)
    {
        Reserve(1);
        _chars[Length] = c;
        _literal[Length] = literal;
        Length++;
    }

    public void Append(ReadOnlySpan<char> text, bool literal = false)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        _literal.AsSpan(Length, text.Length).Fill(literal);
        Length += text.Length;
    }

    private void Reserve(int count)
    {
        if (Length + count <= _chars.Length)
        {
            return;
        }

        var size = Math.Max(_chars.Length * 2, Length + count);
        Array.Resize(ref _chars, size);
        Array.Resize(ref _literal, size);
    }
}
