using System.Net.Sockets;
using System.Text;

namespace ChatBotKit.Twitch.Connection;

/// <summary>IRC over a TCP stream, optionally wrapped in TLS.</summary>
internal sealed class StreamIrcTransport : IrcTransport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TcpClient _client;
    private readonly Stream _stream;
    private readonly StreamWriter _writer;

    public StreamIrcTransport(TcpClient client, Stream stream)
    {
        _client = client;
        _stream = stream;
        _writer = new StreamWriter(stream, Utf8, bufferSize: 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = false };
    }

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Lines.TryReadLine(out var line))
            {
                return line;
            }

            var read = await _stream.ReadAsync(Lines.GetMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return Lines.TryEndLine(out line) ? line : null;
            }

            Lines.Advance(read);
        }
    }

    public override async ValueTask WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        _client.Client.Close(0);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }
}
