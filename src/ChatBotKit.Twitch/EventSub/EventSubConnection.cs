using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Twitch.EventSub;

/// <summary>
/// Keeps an EventSub WebSocket: opens a session, subscribes within its keepalive window, watches
/// that some message arrives within the keepalive timeout, and otherwise reconnects with the shared
/// <see cref="ReconnectBackoff"/> and subscribes again. A <c>session_reconnect</c> opens the new
/// session first, then closes the old one (the subscriptions carry over; the router drops what both
/// deliver; <paramref name="handedOver"/> learns the new session's id). <paramref name="subscribe"/> failing for good (a rejected token) ends the run through
/// <paramref name="stop"/> instead of a reconnect loop.
/// </summary>
internal sealed class EventSubConnection(
    TwitchOptions options,
    Func<string, CancellationToken, Task> subscribe,
    Action<string> handedOver,
    EventSubRouter router,
    Action<ConnectionState> setState,
    Func<Exception, bool> isFatal,
    Action<Exception> stop,
    TimeProvider time,
    ILogger logger,
    CancellationToken disposal)
{
    /// <summary>How much later than the keepalive timeout the watchdog gives up, for network delay.</summary>
    internal static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly List<Task> _tasks = [];

    /// <summary>Opens the first session and subscribes; then the run keeps it.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var session = await OpenAndSubscribeAsync(options.Endpoints.EventSub, cancellationToken).ConfigureAwait(false);
        Track(RunAsync(session));
    }

    /// <summary>Completes when every run and handover has ended (after disposal).</summary>
    public async Task StoppedAsync()
    {
        while (true)
        {
            Task[] tasks;
            lock (_gate)
            {
                tasks = [.. _tasks];
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
            lock (_gate)
            {
                if (_tasks.SequenceEqual(tasks))
                {
                    return;
                }
            }
        }
    }

    private async Task<EventSubSession> OpenAndSubscribeAsync(Uri address, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(address, cancellationToken).ConfigureAwait(false);
        try
        {
            await subscribe(session.Id!, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<EventSubSession> OpenAsync(Uri address, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.ConnectTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        return await EventSubSession.OpenAsync(address, OnFrame, time, logger, timeout.Token).ConfigureAwait(false);
    }

    private void OnFrame(EventSubSession session, EventSubFrame frame)
    {
        if (frame.MessageType == "session_reconnect")
        {
            var url = frame.Payload.Object("session").String("reconnect_url");
            if (Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "wss" or "ws")
            {
                if (session.Handover is null)
                {
                    session.Handover = Task.Run(() => HandOverAsync(session, address));
                    Track(session.Handover);
                }
            }
            else
            {
                EventSubLog.FrameSkipped(logger, "a session_reconnect without a usable reconnect_url", options.Endpoints.EventSub.GetLeftPart(UriPartial.Path), 0);
            }

            return;
        }

        router.Route(frame);
    }

    // Make before break: the new session's welcome first, then the old socket closes.
    private async Task HandOverAsync(EventSubSession old, Uri address)
    {
        try
        {
            var next = await OpenAsync(address, disposal).ConfigureAwait(false);
            old.Replaced = true;
            handedOver(next.Id!);
            Track(RunAsync(next));
            EventSubLog.HandedOver(logger, next.Id!);
            await old.CloseAsync(options.ConnectTimeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (disposal.IsCancellationRequested)
        {
            // Disposed meanwhile.
        }
        catch (Exception ex)
        {
            EventSubLog.HandoverFailed(logger, ex);
        }
    }

    private async Task RunAsync(EventSubSession session)
    {
        while (true)
        {
            var reason = await WatchAsync(session).ConfigureAwait(false);

            // A session that ends while its handover runs is replaced by it, unless the handover fails.
            if (session.Handover is { } handover)
            {
                await handover.ConfigureAwait(false);
            }

            await session.DisposeAsync().ConfigureAwait(false);
            if (session.Replaced || disposal.IsCancellationRequested)
            {
                return;
            }

            EventSubLog.ConnectionLost(logger, reason);
            setState(ConnectionState.Reconnecting);
            var next = await ReconnectAsync().ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            session = next;
            setState(ConnectionState.Connected);
        }
    }

    // Until the socket ends or nothing has arrived for longer than the keepalive timeout.
    private async Task<string> WatchAsync(EventSubSession session)
    {
        while (!disposal.IsCancellationRequested)
        {
            var wait = session.LastMessage + session.KeepaliveTimeout + Grace - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                EventSubLog.KeepaliveMissed(logger, session.KeepaliveTimeout);
                return "keepalive missed";
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(disposal);
            var done = await Task.WhenAny(session.Reading, Task.Delay(wait, time, timer.Token)).ConfigureAwait(false);
            await timer.CancelAsync().ConfigureAwait(false);
            if (done == session.Reading)
            {
                return await session.Reading.ConfigureAwait(false);
            }
        }

        return "disposed";
    }

    private async Task<EventSubSession?> ReconnectAsync()
    {
        var backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.Delay(backoff.Next(), time, disposal).ConfigureAwait(false);
                return await OpenAndSubscribeAsync(options.Endpoints.EventSub, disposal).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (disposal.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex) when (isFatal(ex))
            {
                stop(ex);
                return null;
            }
            catch (Exception ex)
            {
                EventSubLog.ReconnectFailed(logger, ex, attempt, backoff.Peek);
            }
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _tasks.RemoveAll(t => t.IsCompleted);
            _tasks.Add(task);
        }
    }
}
