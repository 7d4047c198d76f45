using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ChatBotKit.Nats.Protocol;

/// <summary>
/// Reads server operations (INFO, MSG, HMSG, PING, PONG, +OK, -ERR) from received bytes without
/// copying them. A malformed line is reported and skipped; an incomplete operation is left in the
/// buffer for the next read.
/// </summary>
internal static class ProtocolParser
{
    /// <summary>Control lines longer than this without a line end are discarded (the server's own limit is 4 KiB; INFO may be longer).</summary>
    public const int MaxControlLine = 64 * 1024;

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    /// <summary>Parses every complete operation in <paramref name="buffer"/> and returns where the unread part starts.</summary>
    public static SequencePosition Parse(ReadOnlySequence<byte> buffer, IProtocolHandler handler)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (true)
        {
            var start = reader.Position;
            if (!reader.TryReadTo(out ReadOnlySpan<byte> line, CrLf))
            {
                if (reader.Remaining > MaxControlLine)
                {
                    handler.OnProtocolError("control line too long");
                    return buffer.End;
                }

                return start;
            }

            if (!ParseLine(line, ref reader, handler))
            {
                return start;
            }
        }
    }

    // Returns false when the operation's payload has not fully arrived (the reader is then rewound by the caller).
    private static bool ParseLine(ReadOnlySpan<byte> line, ref SequenceReader<byte> reader, IProtocolHandler handler)
    {
        if (line.Length >= 3 && (line[0] | 0x20) == 'm' && (line[1] | 0x20) == 's' && (line[2] | 0x20) == 'g')
        {
            return ParseMessage(line[3..], hasHeaders: false, ref reader, handler);
        }

        if (line.Length >= 4 && (line[0] | 0x20) == 'h' && (line[1] | 0x20) == 'm' && (line[2] | 0x20) == 's' && (line[3] | 0x20) == 'g')
        {
            return ParseMessage(line[4..], hasHeaders: true, ref reader, handler);
        }

        if (IsWord(line, "ping"u8))
        {
            handler.OnPing();
        }
        else if (IsWord(line, "pong"u8))
        {
            handler.OnPong();
        }
        else if (IsWord(line, "+ok"u8))
        {
            // verbose is off; a stray +OK means nothing.
        }
        else if (line.Length > 4 && StartsWithIgnoreCase(line, "info"u8) && IsSpace(line[4]))
        {
            handler.OnInfo(line[5..].Trim((byte)' '));
        }
        else if (line.Length >= 4 && StartsWithIgnoreCase(line, "-err"u8))
        {
            handler.OnServerError(Encoding.UTF8.GetString(line[4..].Trim(" \t'"u8)));
        }
        else
        {
            handler.OnProtocolError("unknown operation");
        }

        return true;
    }

    private static bool ParseMessage(ReadOnlySpan<byte> args, bool hasHeaders, ref SequenceReader<byte> reader, IProtocolHandler handler)
    {
        Span<Range> tokens = stackalloc Range[6];
        var count = Tokenize(args, tokens);
        var expected = hasHeaders ? 4 : 3;
        if (args.Length == 0 || !IsSpace(args[0]) || (count != expected && count != expected + 1))
        {
            handler.OnProtocolError(hasHeaders ? "HMSG needs subject, sid, [reply], header and total sizes" : "MSG needs subject, sid, [reply] and size");
            return true;
        }

        var replyTo = count == expected + 1 ? args[tokens[2]] : default;
        var headerSize = 0;
        if (!Utf8Parser.TryParse(args[tokens[1]], out int sid, out var used) || used != args[tokens[1]].Length
            || !TryParseSize(args[tokens[count - 1]], out var total)
            || (hasHeaders && (!TryParseSize(args[tokens[count - 2]], out headerSize) || headerSize > total)))
        {
            handler.OnProtocolError("bad sid or size");
            return true;
        }

        if (reader.Remaining < total + 2)
        {
            return false;
        }

        var body = reader.UnreadSequence.Slice(0, total);
        reader.Advance(total);
        if (!reader.IsNext(CrLf, advancePast: true))
        {
            handler.OnProtocolError("payload not followed by CRLF");
            return true;
        }

        handler.OnMessage(args[tokens[0]], sid, replyTo, body.Slice(0, headerSize), body.Slice(headerSize));
        return true;
    }

    private static bool TryParseSize(ReadOnlySpan<byte> token, out int size) =>
        Utf8Parser.TryParse(token, out size, out var used) && used == token.Length && size >= 0;

    private static int Tokenize(ReadOnlySpan<byte> args, Span<Range> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < args.Length)
        {
            while (i < args.Length && IsSpace(args[i]))
            {
                i++;
            }

            if (i == args.Length)
            {
                break;
            }

            var start = i;
            while (i < args.Length && !IsSpace(args[i]))
            {
                i++;
            }

            if (count == tokens.Length)
            {
                return count + 1;
            }

            tokens[count++] = new Range(start, i);
        }

        return count;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t';

    private static bool IsWord(ReadOnlySpan<byte> line, ReadOnlySpan<byte> word) =>
        line.TrimEnd(" \t"u8).Length == word.Length && StartsWithIgnoreCase(line, word);

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> line, ReadOnlySpan<byte> word)
    {
        if (line.Length < word.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var b = line[i];
            if (b != word[i] && (b | 0x20) != word[i])
            {
                return false;
            }
        }

        return true;
    }
}
