using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.VTubeStudio.Client;

/// <summary>
/// One WebSocket connection to VTube Studio: a read loop that matches answers to requests by
/// <c>requestID</c> and hands events on, and one writer. When the connection ends, every request
/// still waiting fails with a message that names it.
/// </summary>
internal sealed class VtsSession : IAsyncDisposable
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;
    private readonly WebSocket _socket;
    private readonly ConcurrentDictionary<string, (string Type, TaskCompletionSource<JsonElement> Answer)> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<VTubeStudioEvent> _onEvent;
    private readonly Action<VtsSession> _onClosed;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _nextId;
    private volatile bool _closed;

    public VtsSession(WebSocket socket, Action<VTubeStudioEvent> onEvent, Action<VtsSession> onClosed, ILogger logger, TimeProvider time)
    {
        (_socket, _onEvent, _onClosed, _logger, _time) = (socket, onEvent, onClosed, logger, time);
        Completion = Task.Run(ReadLoopAsync);
    }

    /// <summary>Completes when the connection has ended.</summary>
    public Task Completion { get; }

    /// <summary>Opens a connection to <paramref name="endpoint"/>.</summary>
    public static async Task<VtsSession> ConnectAsync(Uri endpoint, Action<VTubeStudioEvent> onEvent, Action<VtsSession> onClosed, ILogger logger, TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await socket.ConnectAsync(endpoint, limit.Token).ConfigureAwait(false);
            return new VtsSession(socket, onEvent, onClosed, logger, time);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="messageType"/> and returns the <c>data</c> of its answer.</summary>
    /// <exception cref="VTubeStudioException">VTube Studio answered with an error, the connection ended, or no answer came within <paramref name="timeout"/>.</exception>
    public async Task<JsonElement> RequestAsync(string messageType, JsonObject? data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (messageType, answer);
        try
        {
            if (_closed)
            {
                throw Closed(messageType);
            }

            var frame = VtsFrame.Request(id, messageType, data);
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
            {
                throw new VTubeStudioException($"VTube Studio closed the connection while sending {messageType}.", ex);
            }
            finally
            {
                _writeLock.Release();
            }

            return await answer.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new VTubeStudioException($"VTube Studio did not answer {messageType} within {timeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", limit.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                VTubeStudioLog.CloseFailed(_logger, ex.Message);
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await Completion.ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _stop.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && buffer.WrittenCount <= MaxFrameBytes);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    VTubeStudioLog.ClosedByServer(_logger, _socket.CloseStatusDescription ?? "");
                    return;
                }

                if (!result.EndOfMessage)
                {
                    VTubeStudioLog.FrameSkipped(_logger, $"it is larger than {MaxFrameBytes} bytes; the connection is dropped");
                    return;
                }

                Route(buffer.WrittenMemory);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            if (!_stop.IsCancellationRequested)
            {
                VTubeStudioLog.ConnectionLost(_logger, ex.Message);
            }
        }
        finally
        {
            // Closed first, so that a request made once these fail waits for the next connection.
            _closed = true;
            _onClosed(this);
            foreach (var (_, (type, answer)) in _pending)
            {
                answer.TrySetException(Closed(type));
            }
        }
    }

    private void Route(ReadOnlyMemory<byte> utf8)
    {
        if (!VtsFrame.TryRead(utf8, out var frame, out var problem))
        {
            VTubeStudioLog.FrameSkipped(_logger, problem);
            return;
        }

        if (frame.RequestId is { } id && _pending.TryGetValue(id, out var request))
        {
            if (frame.IsError)
            {
                request.Answer.TrySetException(frame.ToException(request.Type));
            }
            else
            {
                request.Answer.TrySetResult(frame.Data);
            }
        }
        else if (frame.IsEvent)
        {
            _onEvent(new VTubeStudioEvent(frame.MessageType, frame.Data, _time.GetUtcNow()));
        }
        else
        {
            VTubeStudioLog.FrameSkipped(_logger, $"{frame.MessageType} answers no request that is waiting");
        }
    }

    private static VTubeStudioException Closed(string messageType) =>
        new($"VTube Studio closed the connection before answering {messageType}.");
}
