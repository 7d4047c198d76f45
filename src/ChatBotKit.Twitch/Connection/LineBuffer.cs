using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// Cuts received UTF-8 bytes into lines: each ends at an LF, and a CR before it is dropped. A line
/// longer than <see cref="MaxLineBytes"/> is skipped up to its LF and counted in
/// <see cref="SkippedLines"/>, so a server that never ends a line cannot make the client hold more than
/// that. Empty lines are passed over. Not thread-safe.
/// </summary>
internal sealed class LineBuffer
{
    /// <summary>64 KiB: far above a valid line (IRCv3 caps the tags at 8 KiB, Twitch the text at 500 characters).</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _searched;
    private bool _skipping;

    public LineBuffer(int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        MaxLineBytes = maxLineBytes;
        _buffer = new byte[Math.Min(8 * 1024, MaxHeld)];
    }

    /// <summary>The longest line kept, in bytes without its ending.</summary>
    public int MaxLineBytes { get; }

    /// <summary>How many lines were skipped for being longer than <see cref="MaxLineBytes"/>.</summary>
    public long SkippedLines { get; private set; }

    // The most a line may hold before its LF: the longest line and its CR.
    private int MaxHeld => MaxLineBytes + 1;

    /// <summary>Where to receive the next bytes; never empty. Call <see cref="Advance"/> with how many arrived.</summary>
    public Memory<byte> GetMemory()
    {
        if (_start == _end)
        {
            // Everything was read: start again at the front, so the next read gets the whole buffer.
            _start = _end = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            else
            {
                // Only a line still within the bound is ever kept, so the buffer stops growing at the bound.
                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxHeld + 1));
            }
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Takes in <paramref name="count"/> bytes written to the memory <see cref="GetMemory"/> gave.</summary>
    public void Advance(int count) => _end += count;

    /// <summary>The next complete line, if one has arrived. Call it until it returns false after each <see cref="Advance"/>.</summary>
    public bool TryReadLine([NotNullWhen(true)] out string? line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start + _searched, _end - _start - _searched).IndexOf((byte)'\n');
            if (newline < 0)
            {
                _searched = _end - _start;
                if (_skipping || _searched > MaxHeld)
                {
                    Skip();
                }

                line = null;
                return false;
            }

            var lineEnd = _start + _searched + newline;
            line = _skipping ? null : Take(_start, lineEnd);
            _start = lineEnd + 1;
            _searched = 0;
            _skipping = false;
            if (!string.IsNullOrEmpty(line))
            {
                return true;
            }
        }
    }

    /// <summary>Ends the line in progress where the data stops (a WebSocket message or the stream ended); false when none was.</summary>
    public bool TryEndLine([NotNullWhen(true)] out string? line)
    {
        line = _skipping ? null : Take(_start, _end);
        _start = _end = _searched = 0;
        _skipping = false;
        return !string.IsNullOrEmpty(line);
    }

    // Everything held belongs to the over-long line: let it go, and go on dropping bytes up to its LF.
    private void Skip()
    {
        if (!_skipping)
        {
            SkippedLines++;
            _skipping = true;
        }

        _start = _end = _searched = 0;
    }

    // The line between start and end without its CR, or null (counted) when it is too long.
    private string? Take(int start, int end)
    {
        if (end > start && _buffer[end - 1] == '\r')
        {
            end--;
        }

        if (end - start > MaxLineBytes)
        {
            SkippedLines++;
            return null;
        }

        return Utf8.GetString(_buffer, start, end - start);
    }
}
