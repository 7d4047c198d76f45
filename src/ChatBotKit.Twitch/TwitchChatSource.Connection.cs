using ChatBotKit.Twitch.Connection;

namespace ChatBotKit.Twitch;

public sealed partial class TwitchChatSource
{
    /// <inheritdoc />
    protected override async ValueTask ConnectCoreAsync(CancellationToken cancellationToken)
    {
        var session = await OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await InstallAsync(session, cancellationToken).ConfigureAwait(false);
        _run = RunAsync(session);
        if (_sendLoop.IsCompleted)
        {
            _sendLoop = SendLoopAsync(DisposalToken);
        }
    }

    private async Task<IrcSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = IsAnonymous ? null : Environment.GetEnvironmentVariable(_options.TokenVariable);
        var session = await IrcSession.OpenAsync(_options.Server, Nick, token, _time, Statistics, Logger, timeout.Token).ConfigureAwait(false);
        TwitchLog.Connected(Logger, _options.Server, Nick, session.TwitchCapabilities, session.MessageTags);
        return session;
    }

    // Joins every channel, then makes the session the one sending goes to. With confirmJoins (a
    // handover) it first waits, within ConnectTimeout, until the server confirmed the JOINs.
    private async Task InstallAsync(IrcSession session, CancellationToken cancellationToken, bool confirmJoins = false)
    {
        var joined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in Channels)
        {
            await JoinOnAsync(session, channel, cancellationToken).ConfigureAwait(false);
            joined.Add(channel);
        }

        if (confirmJoins)
        {
            await WaitForJoinsAsync(session, joined, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReady();
            }

            _ready.TrySetResult(session);
        }

        // A JoinAsync that ran while the session was being set up saw no ready session: join it now.
        foreach (var channel in Channels.Where(c => !joined.Contains(c)))
        {
            await JoinOnAsync(session, channel, cancellationToken).ConfigureAwait(false);
        }
    }

    // Owns the connection: read until the session ends, then reconnect. When a handover replaced
    // the session, the new session's run carries on and this one closes the old connection.
    private async Task RunAsync(IrcSession session, Task<string>? reading = null, CancellationTokenSource? stop = null)
    {
        while (true)
        {
            stop ??= NewStop();
            var reason = await (reading ?? ReadSessionAsync(session, stop)).ConfigureAwait(false);
            reading = null;
            var handover = HandoverFrom(session);
            var replaced = handover is not null && await handover.ConfigureAwait(false);
            stop.Dispose();
            stop = null;
            if (replaced)
            {
                await session.CloseAsync(_options.ConnectTimeout).ConfigureAwait(false);
                TwitchLog.OldConnectionClosed(Logger);
                return;
            }

            lock (_gate)
            {
                if (_ready.Task.IsCompleted)
                {
                    _ready = NewReady();
                }
            }

            await session.DisposeAsync().ConfigureAwait(false);
            if (DisposalToken.IsCancellationRequested)
            {
                return;
            }

            TwitchLog.ConnectionLost(Logger, reason);
            SetState(Sources.ConnectionState.Reconnecting);
            var next = await ReconnectAsync(immediately: handover is not null).ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            session = next;
            SetState(Sources.ConnectionState.Connected);
        }
    }

    private async Task<IrcSession?> ReconnectAsync(bool immediately)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectMinDelay, _options.ReconnectMaxDelay);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!immediately || attempt > 1)
                {
                    await Task.Delay(backoff.Next(), _time, DisposalToken).ConfigureAwait(false);
                }

                var session = await OpenSessionAsync(DisposalToken).ConfigureAwait(false);
                try
                {
                    await InstallAsync(session, DisposalToken).ConfigureAwait(false);
                }
                catch
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                return session;
            }
            catch (OperationCanceledException) when (DisposalToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                TwitchLog.ReconnectFailed(Logger, ex, attempt, backoff.Peek);
            }
        }
    }

    // Reads lines until the server closes, goes silent past the watchdog, a handover stops it or the
    // source is disposed. A RECONNECT starts a handover and reading goes on meanwhile.
    private async Task<string> ReadSessionAsync(IrcSession session, CancellationTokenSource stop)
    {
        using var dead = CancellationTokenSource.CreateLinkedTokenSource(DisposalToken, stop.Token);
        var watchdog = WatchAsync(session, dead);
        try
        {
            while (true)
            {
                var line = await session.ReadLineAsync(dead.Token).ConfigureAwait(false);
                if (line is null)
                {
                    return "closed by the server";
                }

                bool reconnect;
                lock (_lineGate)
                {
                    reconnect = HandleLine(session, line);
                }

                if (reconnect)
                {
                    StartHandover(session, stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return DisposalToken.IsCancellationRequested ? "disposed" : stop.IsCancellationRequested ? "replaced" : "no answer to PING";
        }
        catch (Exception ex)
        {
            // A broken socket (IOException, SocketException, WebSocketException) or anything else:
            // the session is over either way, and the run loop reconnects.
            return ex.Message;
        }
        finally
        {
            await dead.CancelAsync().ConfigureAwait(false);
            await watchdog.ConfigureAwait(false);
        }
    }

    // No traffic for PingInterval: PING. Still none PongTimeout later: the connection is dead.
    private async Task WatchAsync(IrcSession session, CancellationTokenSource dead)
    {
        var check = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(_options.PingInterval.Ticks, _options.PongTimeout.Ticks) / 4));
        var pinged = false;
        try
        {
            while (true)
            {
                await Task.Delay(check, _time, dead.Token).ConfigureAwait(false);
                var silence = session.Silence;
                if (silence >= _options.PingInterval + _options.PongTimeout)
                {
                    await dead.CancelAsync().ConfigureAwait(false);
                    return;
                }

                if (silence < _options.PingInterval)
                {
                    pinged = false;
                }
                else if (!pinged)
                {
                    pinged = session.TryWrite("PING :tmi.twitch.tv");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }
}
