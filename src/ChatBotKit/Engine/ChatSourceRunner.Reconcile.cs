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

            _failed.Clear();
        }

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
        IChatSource? source = null;
        try
        {
            source = registration.Create(_context with { Channels = registration.Channels });
            await source.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RunnerLog.StartFailed(_logger, ex, registration.Name);
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            lock (_running)
            {
                _failed[registration.Name] = registration;
            }

            return;
        }

        var running = new RunningSource(registration, source);
        running.Pump = PumpAsync(running);
        lock (_running)
        {
            _running[registration.Name] = running;
        }

        RunnerLog.Connected(_logger, registration.Name);
    }

    private async Task PumpAsync(RunningSource running)
    {
        await Task.Yield();
        var token = running.Reading.Token;
        try
        {
            await foreach (var chatEvent in running.Source.ReadEventsAsync(token).ConfigureAwait(false))
            {
                running.EventRead(_context.TimeProvider.GetUtcNow());
                _engine.Post(chatEvent, running.Source);
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
            RunnerLog.ReadFailed(_logger, ex, running.Registration.Name);
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
