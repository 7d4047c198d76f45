using ChatBotKit.Sources;

namespace ChatBotKit.Engine;

public sealed partial class ChatSourceRunner
{
    private async Task ReconcileAsync(List<ChatSourceRegistration> sources, CancellationToken cancellationToken)
    {
        var wanted = sources.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        List<RunningSource> removed;
        lock (_running)
        {
            removed = [.. _running.Values.Where(r => !wanted.Contains(r.Registration.Name))];
            foreach (var gone in removed)
            {
                _running.Remove(gone.Registration.Name);
            }

        }

        await StopRetriesAsync().ConfigureAwait(false);

        foreach (var gone in removed)
        {
            RunnerLog.Removed(_logger, gone.Registration.Name);
            await CloseAsync(gone).ConfigureAwait(false);
        }

        foreach (var registration in sources)
        {
            RunningSource? current;
            lock (_running)
            {
                _running.TryGetValue(registration.Name, out current);
            }

            if (current is null)
            {
                await StartAsync(registration, cancellationToken).ConfigureAwait(false);
            }
            else if (Equals(current.Registration.Settings, registration.Settings)
                && await TryUpdateChannelsAsync(current, registration, cancellationToken).ConfigureAwait(false))
            {
                current.Registration = registration;
            }
            else
            {
                RunnerLog.Replaced(_logger, registration.Name);
                lock (_running)
                {
                    _running.Remove(registration.Name);
                }

                await CloseAsync(current).ConfigureAwait(false);
                await StartAsync(registration, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> TryUpdateChannelsAsync(RunningSource current, ChatSourceRegistration next, CancellationToken cancellationToken)
    {
        var before = current.Registration.Channels;
        var joined = next.Channels.Except(before, StringComparer.OrdinalIgnoreCase).ToList();
        var left = before.Except(next.Channels, StringComparer.OrdinalIgnoreCase).ToList();
        if (joined.Count == 0 && left.Count == 0)
        {
            return true;
        }

        if (current.Source.GetService(typeof(IChannelMembership)) is not IChannelMembership membership)
        {
            return false;
        }

        foreach (var channel in left)
        {
            await membership.LeaveAsync(channel, cancellationToken).ConfigureAwait(false);
        }

        foreach (var channel in joined)
        {
            await membership.JoinAsync(channel, cancellationToken).ConfigureAwait(false);
        }

        RunnerLog.ChannelsChanged(_logger, next.Name, joined.Count, left.Count);
        return true;
    }

    private async Task StartAsync(ChatSourceRegistration registration, CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(StartRetryMinDelay, StartRetryMaxDelay);
        if (!await TryStartAsync(registration, backoff, cancellationToken).ConfigureAwait(false))
        {
            var retry = new CancellationTokenSource();
            lock (_running)
            {
                _failed[registration.Name] = new FailedSource(registration, retry, RetryStartAsync(registration, backoff, retry.Token));
            }
        }
    }

    /// <summary>Connects, or logs one line saying why not and when the next try is.</summary>
    private async Task<bool> TryStartAsync(ChatSourceRegistration registration, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        IChatSource? source = null;
        try
        {
            source = registration.Create(_context with { Channels = registration.Channels });
            await source.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RunnerLog.StartFailed(_logger, registration.Name, ex.Message, backoff.Peek);
            RunnerLog.StartFailureDetails(_logger, ex, registration.Name);
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            return false;
        }

        var running = new RunningSource(registration, source);
        running.Pump = PumpAsync(source, registration.Name, running.EventRead, running.Reading.Token);
        lock (_running)
        {
            _running[registration.Name] = running;
        }

        RunnerLog.Connected(_logger, registration.Name);
        return true;
    }

    /// <summary>Tries a source that failed to start again, with backoff, until it connects or is no longer wanted.</summary>
    private async Task RetryStartAsync(ChatSourceRegistration registration, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                await Task.Delay(backoff.Next(), _context.TimeProvider, cancellationToken).ConfigureAwait(false);
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (await TryStartAsync(registration, backoff, cancellationToken).ConfigureAwait(false))
                    {
                        lock (_running)
                        {
                            _failed.Remove(registration.Name);
                        }

                        return;
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops every start-up retry; called with the gate held, so none is inside a start.</summary>
    private async Task StopRetriesAsync()
    {
        List<FailedSource> failed;
        lock (_running)
        {
            failed = [.. _failed.Values];
            _failed.Clear();
        }

        foreach (var retry in failed)
        {
            await retry.Retry.CancelAsync().ConfigureAwait(false);
            await retry.Loop.ConfigureAwait(false);
            retry.Retry.Dispose();
        }
    }

    /// <summary>Reads <paramref name="source"/> until it ends or <paramref name="token"/> is cancelled; a failure is logged, never thrown.</summary>
    private async Task PumpAsync(IChatSource source, string name, Action<DateTimeOffset>? eventRead, CancellationToken token)
    {
        await Task.Yield();
        var sequential = _engine.Options.ProcessSequentially;
        try
        {
            await foreach (var chatEvent in source.ReadEventsAsync(token).ConfigureAwait(false))
            {
                eventRead?.Invoke(_context.TimeProvider.GetUtcNow());
                _engine.Post(chatEvent, source, name);
                if (sequential)
                {
                    await _engine.WhenIdleAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            RunnerLog.ReadFailed(_logger, ex, name);
        }
    }

    private async Task CloseAsync(RunningSource running)
    {
        try
        {
            await running.Reading.CancelAsync().ConfigureAwait(false);
            await running.Pump.ConfigureAwait(false);
            await running.Source.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RunnerLog.CloseFailed(_logger, ex, running.Registration.Name);
        }
        finally
        {
            running.Reading.Dispose();
        }
    }
}
