using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace ChatBotKit.Twitch.Connection;

/// <summary>IRC over a WebSocket: one or more lines per text (or binary) frame, split on CRLF.</summary>
internal sealed class WebSocketIrcTransport : IrcTransport
{
    private readonly ClientWebSocket _socket;
    private readonly Queue<string> _lines = new();
    private readonly ArrayBufferWriter<byte> _frame = new(4096);

    public WebSocketIrcTransport(ClientWebSocket socket) => _socket = socket;

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (_lines.Count == 0)
        {
            var result = await _socket.ReceiveAsync(_frame.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _frame.Advance(result.Count);
            if (result.EndOfMessage)
            {
                SplitFrame();
            }
        }

        return _lines.Dequeue();
    }

    public override ValueTask WriteLineAsync(string line, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(line).AsMemory(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The far side is gone already.
        }
        finally
        {
            _socket.Dispose();
        }
    }

    private void SplitFrame()
    {
        var text = Encoding.UTF8.GetString(_frame.WrittenSpan);
        _frame.ResetWrittenCount();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length > 0)
            {
                _lines.Enqueue(trimmed);
            }
        }
    }
}
