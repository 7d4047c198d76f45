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

    private async Task InstallAsync(IrcSession session, CancellationToken cancellationToken)
    {
        var joined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in Channels)
        {
            await JoinOnAsync(session, channel, cancellationToken).ConfigureAwait(false);
            joined.Add(channel);
        }

        lock (_gate)
        {
            _ready.TrySetResult(session);
        }

        // A JoinAsync that ran while the session was being set up saw no ready session: join it now.
        foreach (var channel in Channels.Where(c => !joined.Contains(c)))
        {
            await JoinOnAsync(session, channel, cancellationToken).ConfigureAwait(false);
        }
    }

    // Owns the connection for the source's life: read until the session ends, then reconnect.
    private async Task RunAsync(IrcSession session)
    {
        while (true)
        {
            var reason = await ReadSessionAsync(session).ConfigureAwait(false);
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
            var next = await ReconnectAsync(immediately: reason == "RECONNECT").ConfigureAwait(false);
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

    // Reads lines until the server closes, goes silent past the watchdog, asks to reconnect or the source is disposed.
    private async Task<string> ReadSessionAsync(IrcSession session)
    {
        using var dead = CancellationTokenSource.CreateLinkedTokenSource(DisposalToken);
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

                if (HandleLine(session, line))
                {
                    return "RECONNECT";
                }
            }
        }
        catch (OperationCanceledException)
        {
            return DisposalToken.IsCancellationRequested ? "disposed" : "no answer to PING";
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
