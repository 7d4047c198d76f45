using System.Net.WebSockets;
using System.Text;

namespace ChatBotKit.Twitch.Connection;

/// <summary>IRC over a WebSocket: one or more lines per text (or binary) message, split on CRLF; the end of a message also ends a line.</summary>
internal sealed class WebSocketIrcTransport : IrcTransport
{
    private readonly ClientWebSocket _socket;
    private bool _messageEnded;

    public WebSocketIrcTransport(ClientWebSocket socket) => _socket = socket;

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Lines.TryReadLine(out var line))
            {
                return line;
            }

            // A message's last line may come without its CRLF (InspIRCd sends one line per message so).
            if (_messageEnded)
            {
                _messageEnded = false;
                if (Lines.TryEndLine(out line))
                {
                    return line;
                }
            }

            var result = await _socket.ReceiveAsync(Lines.GetMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            Lines.Advance(result.Count);
            _messageEnded = result.EndOfMessage;
        }
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
}
