using System.Net.Sockets;
using System.Text;

namespace ChatBotKit.Twitch.Connection;

/// <summary>IRC over a TCP stream, optionally wrapped in TLS.</summary>
internal sealed class StreamIrcTransport : IrcTransport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TcpClient _client;
    private readonly Stream _stream;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    public StreamIrcTransport(TcpClient client, Stream stream)
    {
        _client = client;
        _stream = stream;
        _reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        _writer = new StreamWriter(stream, Utf8, bufferSize: 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = false };
    }

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => _reader.ReadLineAsync(cancellationToken);

    public override async ValueTask WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        _client.Client.Close(0);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _reader.Dispose();
        _client.Dispose();
    }
}
