using System.Buffers;
using System.Text.Json;
using ChatBotKit.Nats.Protocol;

namespace ChatBotKit.Nats;

public sealed partial class NatsConnection : IProtocolHandler
{
    private TaskCompletionSource<bool>? _handshake;
    private ServerSession? _reading;

    private async Task ReadLoopAsync(ServerSession session)
    {
        var reason = "the server closed the connection";
        try
        {
            while (true)
            {
                var result = await session.Reader.ReadAsync(session.Stopping.Token).ConfigureAwait(false);
                _reading = session;
                var consumed = ProtocolParser.Parse(result.Buffer, this);
                session.Reader.AdvanceTo(consumed, result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (session.Stopping.IsCancellationRequested)
        {
            reason = "closed";
        }
        catch (Exception ex)
        {
            reason = ex.Message;
            if (ex is not (IOException or ObjectDisposedException))
            {
                NatsLog.ReaderFailed(_logger, ex);
            }
        }

        _handshake?.TrySetException(new NatsException($"The connection closed during the handshake: {LastServerError ?? reason}."));
        session.Fail(reason);
    }

    private async Task WriteLoopAsync(ServerSession session)
    {
        try
        {
            await _writer.RunAsync(session.Stream, session.Stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!session.Stopping.IsCancellationRequested)
        {
            session.Fail(ex.Message);
        }
    }

    private async Task KeepAliveAsync(ServerSession session)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Options.PingInterval, _time, session.Stopping.Token).ConfigureAwait(false);
                if (Interlocked.Increment(ref session.PingsOut) > Options.MaxPingsOut)
                {
                    session.Fail("stale connection: PINGs unanswered");
                    return;
                }

                _writer.WritePing(null);
            }
        }
        catch (OperationCanceledException)
        {
            // Session over.
        }
    }

    // Waits for the session to fail, then reconnects, until disposed or out of rounds.
    private async Task SuperviseAsync()
    {
        while (!_disposal.IsCancellationRequested && _session is { } session)
        {
            var reason = await session.Lost.WaitAsync(_disposal.Token).ConfigureAwait(false);
            if (_disposal.IsCancellationRequested)
            {
                return;
            }

            NatsLog.ConnectionLost(_logger, session.Server.GetLeftPart(UriPartial.Authority), reason);
            _writer.Detach();
            SetState(NatsConnectionState.Reconnecting);
            _session = null;
            await session.DisposeAsync().ConfigureAwait(false);
            if (!await ReconnectAsync().ConfigureAwait(false))
            {
                return;
            }

            Interlocked.Increment(ref _reconnects);
        }
    }

    private async Task<bool> ReconnectAsync()
    {
        for (var round = 1; Options.Reconnect.MaxRounds < 0 || round <= Options.Reconnect.MaxRounds; round++)
        {
            foreach (var server in _pool.RotationAfterCurrent())
            {
                try
                {
                    await StartSessionAsync(server, _disposal.Token).ConfigureAwait(false);
                    return true;
                }
                catch (Exception ex) when (!_disposal.IsCancellationRequested)
                {
                    NatsLog.ConnectFailed(_logger, ex, server.GetLeftPart(UriPartial.Authority));
                }
                catch (Exception)
                {
                    // Disposed while connecting: whatever the attempt threw (cancelled, refused), it is over.
                    return false;
                }
            }

            var delay = Options.Reconnect.DelayAfter(round, _random);
            NatsLog.ReconnectWaiting(_logger, round, delay);
            try
            {
                await Task.Delay(delay, _time, _disposal.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        NatsLog.GaveUp(_logger, Options.Reconnect.MaxRounds);
        SetState(NatsConnectionState.Closed);
        _writer.Detach();
        CompleteSubscriptions();
        return false;
    }

    void IProtocolHandler.OnMessage(ReadOnlySpan<byte> subject, int sid, ReadOnlySpan<byte> replyTo, ReadOnlySequence<byte> headers, ReadOnlySequence<byte> payload)
    {
        if (_targets.TryGetValue(sid, out var target))
        {
            target.Deliver(subject, replyTo, headers, payload);
        }
    }

    void IProtocolHandler.OnInfo(ReadOnlySpan<byte> json)
    {
        try
        {
            var info = ServerInfo.Parse(json);
            LearnServers(info);
            if (_reading is { } session)
            {
                session.Info = info;
                if (info.LameDuckMode)
                {
                    NatsLog.LameDuck(_logger, session.Server.Authority);
                    session.Fail("lame duck mode");
                }
            }
        }
        catch (JsonException ex)
        {
            ((IProtocolHandler)this).OnProtocolError("INFO is not valid JSON: " + ex.Message);
        }
    }

    void IProtocolHandler.OnPing() => _writer.WritePong();

    void IProtocolHandler.OnPong()
    {
        if (_reading is { } session)
        {
            Volatile.Write(ref session.PingsOut, 0);
        }

        if (_handshake is { } handshake)
        {
            handshake.TrySetResult(true);
            return;
        }

        _writer.OnPong();
    }

    void IProtocolHandler.OnServerError(string message)
    {
        Interlocked.Increment(ref _serverErrors);
        LastServerError = message;
        NatsLog.ServerError(_logger, message);
        _handshake?.TrySetException(new NatsServerErrorException($"The server refused the connection: {message}"));
    }

    void IProtocolHandler.OnProtocolError(string reason)
    {
        Interlocked.Increment(ref _protocolErrors);
        NatsLog.ProtocolError(_logger, reason);
    }
}
