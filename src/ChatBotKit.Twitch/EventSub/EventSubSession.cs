using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// One EventSub WebSocket: reads whole messages, parses each into a frame and hands it on;
/// remembers the welcome and when the last message came, which the keepalive watchdog reads.
/// Malformed or oversized messages are logged with the session's address and skipped.
/// </summary>
internal sealed class EventSubSession : IAsyncDisposable
{
    /// <summary>The largest message read; longer ones are skipped to their end.</summary>
    internal const int MaxMessageBytes = 512 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly TaskCompletionSource<EventSubFrame> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _address;
    private readonly Action<EventSubSession, EventSubFrame> _onFrame;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastMessageTicks;

    private EventSubSession(Uri address, Action<EventSubSession, EventSubFrame> onFrame, TimeProvider time, ILogger logger)
    {
        (_address, _onFrame, _time, _logger) = (address, onFrame, time, logger);
        _lastMessageTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>Completes with the reason once the socket has stopped reading.</summary>
    public Task<string> Reading { get; private set; } = Task.FromResult("not connected");

    /// <summary>The session id from the welcome.</summary>
    public string? Id { get; private set; }

    /// <summary>How long Twitch may stay silent, from the welcome.</summary>
    public TimeSpan KeepaliveTimeout { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>When the last message arrived.</summary>
    public DateTimeOffset LastMessage => new(Interlocked.Read(ref _lastMessageTicks), TimeSpan.Zero);

    /// <summary>Whether a handover replaced this session with a newer one.</summary>
    public bool Replaced { get; set; }

    /// <summary>The handover Twitch's <c>session_reconnect</c> on this session started, if any (one per session).</summary>
    public Task? Handover { get; set; }

    /// <summary>Connects to <paramref name="address"/>, starts reading and waits for the welcome.</summary>
    public static async Task<EventSubSession> OpenAsync(Uri address, Action<EventSubSession, EventSubFrame> onFrame, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var session = new EventSubSession(address, onFrame, time, logger);
        try
        {
            await session._socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
            session.Reading = session.ReadLoopAsync();
            var welcome = await session._welcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            var sessionObject = welcome.Payload.Object("session");
            session.Id = sessionObject.String("id") ?? throw new ChatBotKitException($"Twitch EventSub at {address.GetLeftPart(UriPartial.Path)} sent a welcome without a session id.");
            var keepalive = sessionObject.Int("keepalive_timeout_seconds");
            session.KeepaliveTimeout = TimeSpan.FromSeconds(keepalive > 0 ? keepalive : 10);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the socket politely (within <paramref name="timeout"/>) and stops reading.</summary>
    public async Task CloseAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", deadline.Token).ConfigureAwait(false);
            await Reading.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            // Gone already, or not answering: disposal cuts it.
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await Reading.ConfigureAwait(false);
        _socket.Dispose();
    }

    private async Task<string> ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        var tooLong = false;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"closed by the server ({result.CloseStatus} {result.CloseStatusDescription})";
                }

                tooLong |= message.Length + result.Count > MaxMessageBytes;
                if (!tooLong)
                {
                    message.Write(buffer, 0, result.Count);
                }

                if (result.EndOfMessage)
                {
                    Interlocked.Exchange(ref _lastMessageTicks, _time.GetUtcNow().UtcTicks);
                    if (tooLong)
                    {
                        EventSubLog.MessageTooLong(_logger, MaxMessageBytes, _address.GetLeftPart(UriPartial.Path));
                    }
                    else
                    {
                        Handle(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    }

                    message.SetLength(0);
                    tooLong = false;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return "closed";
        }
        catch (WebSocketException ex)
        {
            return ex.Message;
        }
        finally
        {
            _welcome.TrySetException(new ChatBotKitException($"Twitch EventSub at {_address.GetLeftPart(UriPartial.Path)} closed before its welcome."));
        }
    }

    private void Handle(string json)
    {
        var frame = EventSubFrame.Parse(json, out var problem);
        if (frame is null)
        {
            EventSubLog.FrameSkipped(_logger, problem!, _address.GetLeftPart(UriPartial.Path), json.Length);
            return;
        }

        if (frame.MessageType == "session_welcome")
        {
            _welcome.TrySetResult(frame);
        }

        try
        {
            _onFrame(this, frame);
        }
        catch (Exception ex)
        {
            EventSubLog.FrameFailed(_logger, ex, frame.MessageType, frame.SubscriptionType ?? "-", frame.MessageId);
        }
    }
}
