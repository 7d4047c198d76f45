namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// One connection as the source uses it: the logged-in <see cref="IrcSession"/>, its reader loop and
/// watchdog, and the handover a RECONNECT on it started. Reading ends when the server closes, goes
/// silent past the watchdog, a handover stops it or the source is disposed.
/// </summary>
internal sealed class TwitchSession : IAsyncDisposable
{
    private readonly TwitchOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop;
    private Task<string> _reading = Task.FromResult("never read");

    public TwitchSession(IrcSession irc, TwitchOptions options, TimeProvider time)
    {
        Irc = irc;
        _options = options;
        _time = time;
        _stop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>The connection: writing, joins, capabilities.</summary>
    public IrcSession Irc { get; }

    /// <summary>Why reading ended, once it has.</summary>
    public Task<string> Reading => _reading;

    /// <summary>The handover to a new connection that a RECONNECT on this one started, if any; true once it switched. Set under the connection's lock.</summary>
    public Task<bool>? Handover { get; set; }

    /// <summary>
    /// Starts the reader loop: each line goes to <paramref name="onLine"/>, which returns true when the
    /// server asked for a reconnect; then <paramref name="onReconnect"/> is called and reading goes on.
    /// </summary>
    public void StartReading(Func<IrcSession, string, bool> onLine, Action<TwitchSession> onReconnect, CancellationToken disposal) =>
        _reading = ReadAsync(onLine, onReconnect, disposal);

    /// <summary>Stops reading after <paramref name="linger"/>, for lines already on their way.</summary>
    public void StopReadingAfter(TimeSpan linger) => _stop.CancelAfter(linger);

    /// <summary>Lets the writer finish what is queued (for at most <paramref name="timeout"/>), then closes.</summary>
    public async ValueTask CloseAsync(TimeSpan timeout)
    {
        await Irc.CloseAsync(timeout).ConfigureAwait(false);
        _stop.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        await Irc.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task<string> ReadAsync(Func<IrcSession, string, bool> onLine, Action<TwitchSession> onReconnect, CancellationToken disposal)
    {
        using var dead = CancellationTokenSource.CreateLinkedTokenSource(disposal, _stop.Token);
        var watchdog = WatchAsync(dead);
        try
        {
            while (true)
            {
                var line = await Irc.ReadLineAsync(dead.Token).ConfigureAwait(false);
                if (line is null)
                {
                    return "closed by the server";
                }

                if (onLine(Irc, line))
                {
                    onReconnect(this);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return disposal.IsCancellationRequested ? "disposed" : _stop.IsCancellationRequested ? "replaced" : "no answer to PING";
        }
        catch (Exception ex)
        {
            // A broken socket (IOException, SocketException, WebSocketException) or anything else:
            // the session is over either way, and the connection reconnects.
            return ex.Message;
        }
        finally
        {
            await dead.CancelAsync().ConfigureAwait(false);
            await watchdog.ConfigureAwait(false);
        }
    }

    // No traffic for PingInterval: PING. Still none PongTimeout later: the connection is dead.
    private async Task WatchAsync(CancellationTokenSource dead)
    {
        var check = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(_options.PingInterval.Ticks, _options.PongTimeout.Ticks) / 4));
        var pinged = false;
        try
        {
            while (true)
            {
                await Task.Delay(check, _time, dead.Token).ConfigureAwait(false);
                var silence = Irc.Silence;
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
                    pinged = Irc.TryWrite("PING :tmi.twitch.tv");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }
}
