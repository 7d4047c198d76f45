using ChatBotKit.Twitch.Connection;

namespace ChatBotKit.Twitch;

public sealed partial class TwitchChatSource
{
    // How long the old connection is still read after the switch, for lines already on their way.
    private static readonly TimeSpan HandoverLinger = TimeSpan.FromSeconds(2);

    // How long after the switch lines are still checked for copies the old connection delivered.
    private static readonly TimeSpan HandoverGrace = TimeSpan.FromSeconds(30);

    private readonly Lock _lineGate = new();
    private readonly OverlapFilter _overlap = new();
    private Task<bool>? _handover;

    // A RECONNECT from Twitch: make before break. Twitch keeps the old connection working for a
    // while, so open a new one, log in and rejoin every channel on it while the old one is still
    // read, switch sending to the new one, and only then close the old one. Lines that arrive on
    // both meanwhile are delivered once.
    private void StartHandover(IrcSession old, CancellationTokenSource stopOld)
    {
        lock (_gate)
        {
            // One at a time, and none from a session already replaced.
            if (DisposalToken.IsCancellationRequested || old.Handover is { IsCompletedSuccessfully: true, Result: true })
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
                    _handover = old.Handover = HandOverAfterAsync(running, stopOld);
                }

                return;
            }

            _handover = old.Handover = Task.Run(() => HandOverAsync(stopOld));
        }
    }

    // Only when the running handover switched to the session; a failed one has disposed it.
    private async Task<bool> HandOverAfterAsync(Task<bool> running, CancellationTokenSource stopOld) =>
        await running.ConfigureAwait(false) && await HandOverAsync(stopOld).ConfigureAwait(false);

    // The handover started from session, if any: true once it switched to a new session.
    private Task<bool>? HandoverFrom(IrcSession session)
    {
        lock (_gate)
        {
            return session.Handover;
        }
    }

    private async Task<bool> HandOverAsync(CancellationTokenSource stopOld)
    {
        TwitchLog.ReconnectRequested(Logger);
        _overlap.Begin();
        try
        {
            var next = await OpenSessionAsync(DisposalToken).ConfigureAwait(false);
            var stop = NewStop();
            var reading = ReadSessionAsync(next, stop);
            try
            {
                await InstallAsync(next, DisposalToken, confirmJoins: true).ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await reading.ConfigureAwait(false);
                stop.Dispose();
                await next.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            lock (_gate)
            {
                // The old session's run ends by closing the old connection; disposal still waits for it.
                _retiredRun = _retiredRun.IsCompleted ? _run : Task.WhenAll(_retiredRun, _run);
                _run = RunAsync(next, reading, stop);
            }

            TwitchLog.HandedOver(Logger);
            stopOld.CancelAfter(HandoverLinger);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !DisposalToken.IsCancellationRequested)
        {
            TwitchLog.HandoverFailed(Logger, ex);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _overlap.EndAt(_time.GetUtcNow() + HandoverGrace);
        }
    }

    // Stops a session's reading; CancelAfter runs on the source's clock.
    private CancellationTokenSource NewStop() => new(Timeout.InfiniteTimeSpan, _time);

    private async Task WaitForJoinsAsync(IrcSession session, IReadOnlyCollection<string> channels, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await session.WaitForJoinsAsync(channels, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TwitchLog.JoinsUnconfirmed(Logger, _options.ConnectTimeout);
        }
    }
}
