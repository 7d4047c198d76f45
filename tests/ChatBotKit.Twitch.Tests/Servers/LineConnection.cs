using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace ChatBotKit.Twitch.Tests.Servers;

/// <summary>The server side of one client connection, as lines: plain TCP, or a WebSocket upgraded by hand.</summary>
public sealed class LineConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader? _reader;
    private readonly StreamWriter? _writer;
    private readonly WebSocket? _socket;
    private readonly Queue<string> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _disposed;

    private LineConnection(TcpClient client, StreamReader? reader, StreamWriter? writer, WebSocket? socket)
    {
        _client = client;
        _reader = reader;
        _writer = writer;
        _socket = socket;
    }

    public static async Task<LineConnection> AcceptAsync(TcpClient client, bool webSocket)
    {
        var stream = client.GetStream();
        if (!webSocket)
        {
            return new LineConnection(client, new StreamReader(stream, Encoding.UTF8), new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true }, null);
        }

        // Read the HTTP upgrade request byte by byte so no WebSocket bytes are buffered away.
        var request = new StringBuilder();
        var one = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("closed during upgrade");
            }

            request.Append((char)one[0]);
        }

        var key = request.ToString().Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the handshake; it protects nothing.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        return new LineConnection(client, null, null, WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true }));
    }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (_reader is not null)
        {
            return await _reader.ReadLineAsync(cancellationToken);
        }

        var buffer = new byte[8192];
        while (_pending.Count == 0)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket!.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            foreach (var line in Encoding.UTF8.GetString(frame.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                _pending.Enqueue(line);
            }
        }

        return _pending.Dequeue();
    }

    public async Task WriteLineAsync(string line)
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_writer is not null)
            {
                await _writer.WriteLineAsync(line);
            }
            else
            {
                await _socket!.SendAsync(Encoding.UTF8.GetBytes(line + "\r\n"), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the connection at once (a reset); safe to call twice and from two threads, as the server's drop and the handler's own disposal may.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _client.Client.Close(0);
            _client.Dispose();
            _socket?.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
