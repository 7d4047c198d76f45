using ChatBotKit.Sources;
using ChatBotKit.Twitch.Sending;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// Keeps a <see cref="TwitchChatSource"/> connected: opens a session, joins every channel, reads it
/// until it ends, then reconnects with exponential backoff and jitter; a RECONNECT from Twitch is a
/// <see cref="ReconnectHandover"/> instead. Sending and joining go to <see cref="Current"/>.
/// </summary>
internal sealed class TwitchConnection(
    TwitchOptions options,
    string nick,
    TwitchLineRouter router,
    JoinedChannels channels,
    TwitchSendStatistics statistics,
    Action<ConnectionState> setState,
    TimeProvider time,
    ILogger logger,
    CancellationToken disposal)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<IrcSession> _ready = NewReady();
    private Task _run = Task.CompletedTask;
    private Task _retiredRuns = Task.CompletedTask;
    private Task<bool>? _handover;

    /// <summary>The session sending goes to, once there is one; a new task while reconnecting.</summary>
    public Task<IrcSession> Current
    {
        get
        {
            lock (_gate)
            {
                return _ready.Task;
            }
        }
    }

    /// <summary>Connects for the first time and starts the run that keeps the connection.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await InstallAsync(session, cancellationToken).ConfigureAwait(false);
        StartRun(session);
    }

    /// <summary>Completes when every run has ended (after disposal), including ones a handover started meanwhile.</summary>
    public async Task StoppedAsync()
    {
        while (true)
        {
            Task[] runs;
            lock (_gate)
            {
                runs = [_run, _retiredRuns, _handover ?? Task.CompletedTask];
            }

            await Task.WhenAll(runs).ConfigureAwait(false);
            lock (_gate)
            {
                if (runs[0] == _run && runs[1] == _retiredRuns && runs[2] == (_handover ?? Task.CompletedTask))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Opens and logs in a session, not yet reading.</summary>
    public async Task<TwitchSession> OpenAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.ConnectTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = options.IsAnonymous ? null : Environment.GetEnvironmentVariable(options.TokenVariable);
        var irc = await IrcSession.OpenAsync(options.Server, nick, token, time, statistics, logger, timeout.Token).ConfigureAwait(false);
        TwitchLog.Connected(logger, options.Server, nick, irc.TwitchCapabilities, irc.MessageTags);
        return new TwitchSession(irc, options, time);
    }

    /// <summary>Starts reading <paramref name="session"/>: its lines go to the router, a RECONNECT to a handover.</summary>
    public void StartReading(TwitchSession session) => session.StartReading(router.Route, StartHandover, disposal);

    /// <summary>Joins every channel on <paramref name="session"/>, then makes it the one sending goes to.</summary>
    public async Task InstallAsync(TwitchSession session, CancellationToken cancellationToken)
    {
        var joined = await JoinAllAsync(session, cancellationToken).ConfigureAwait(false);
        await MakeCurrentAsync(session, joined, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a JOIN for every channel on <paramref name="session"/>; returns the channels joined.</summary>
    public async Task<IReadOnlyCollection<string>> JoinAllAsync(TwitchSession session, CancellationToken cancellationToken)
    {
        var joined = channels.All;
        foreach (var channel in joined)
        {
            await channels.JoinOnAsync(session.Irc, channel, cancellationToken).ConfigureAwait(false);
        }

        return joined;
    }

    /// <summary>Makes <paramref name="session"/> the one sending goes to, and joins the channels added since <paramref name="joined"/>.</summary>
    public async Task MakeCurrentAsync(TwitchSession session, IReadOnlyCollection<string> joined, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReady();
            }

            _ready.TrySetResult(session.Irc);
        }

        // A JoinAsync that ran while the session was being set up saw no ready session: join it now.
        foreach (var channel in channels.All.Except(joined))
        {
            await channels.JoinOnAsync(session.Irc, channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes <paramref name="next"/>, already reading and installed, the session whose run keeps the connection.</summary>
    public void Adopt(TwitchSession next)
    {
        lock (_gate)
        {
            // The old session's run ends by closing the old connection; disposal still waits for it.
            _retiredRuns = _retiredRuns.IsCompleted ? _run : Task.WhenAll(_retiredRuns, _run);
            _run = RunAsync(next);
        }
    }

    private void StartRun(TwitchSession session)
    {
        StartReading(session);
        lock (_gate)
        {
            _run = RunAsync(session);
        }
    }

    // A RECONNECT on `old`: one handover at a time, and none from a session already replaced.
    private void StartHandover(TwitchSession old)
    {
        lock (_gate)
        {
            if (disposal.IsCancellationRequested || old.Handover is { IsCompletedSuccessfully: true, Result: true })
            {
                return;
            }

            if (_handover is { IsCompleted: false } running)
            {
                // The new session, still joining, is told to move on as well: it is handed over in
                // turn once it is the current one. Its run waits for that, as for any handover. A
                // repeated RECONNECT on the session being replaced changes nothing.
                if (old.Handover is null)
                {
                    _handover = old.Handover = HandOverAfterAsync(running, old);
                }

                return;
            }

            _handover = old.Handover = Task.Run(() => new ReconnectHandover(this, router, options.ConnectTimeout, time, logger).RunAsync(old, disposal));
        }
    }

    // Only when the running handover switched to the session; a failed one has disposed it.
    private async Task<bool> HandOverAfterAsync(Task<bool> running, TwitchSession old) =>
        await running.ConfigureAwait(false) && await new ReconnectHandover(this, router, options.ConnectTimeout, time, logger).RunAsync(old, disposal).ConfigureAwait(false);

    // Owns the connection: read until the session ends, then reconnect. When a handover replaced
    // the session, the new session's run carries on and this one closes the old connection.
    private async Task RunAsync(TwitchSession session)
    {
        while (true)
        {
            var reason = await session.Reading.ConfigureAwait(false);
            Task<bool>? handover;
            lock (_gate)
            {
                handover = session.Handover;
            }

            if (handover is not null && await handover.ConfigureAwait(false))
            {
                await session.CloseAsync(options.ConnectTimeout).ConfigureAwait(false);
                TwitchLog.OldConnectionClosed(logger);
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
            if (disposal.IsCancellationRequested)
            {
                return;
            }

            TwitchLog.ConnectionLost(logger, reason);
            setState(ConnectionState.Reconnecting);
            var next = await ReconnectAsync(immediately: handover is not null).ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            StartReading(next);
            session = next;
            setState(ConnectionState.Connected);
        }
    }

    private async Task<TwitchSession?> ReconnectAsync(bool immediately)
    {
        var backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!immediately || attempt > 1)
                {
                    await Task.Delay(backoff.Next(), time, disposal).ConfigureAwait(false);
                }

                var session = await OpenAsync(disposal).ConfigureAwait(false);
                try
                {
                    await InstallAsync(session, disposal).ConfigureAwait(false);
                }
                catch
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                return session;
            }
            catch (OperationCanceledException) when (disposal.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                TwitchLog.ReconnectFailed(logger, ex, attempt, backoff.Peek);
            }
        }
    }

    private static TaskCompletionSource<IrcSession> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
