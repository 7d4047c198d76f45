using ChatBotKit.Sources;

namespace ChatBotKit.Engine;

public sealed partial class ChatBotEngine
{
    /// <summary>
    /// Connects every source and feeds its events to the bot until all sources end or
    /// <paramref name="cancellationToken"/> is cancelled; when the sources end, waits for the
    /// remaining events and replies. A source that fails is logged and the others go on.
    /// </summary>
    public async Task RunAsync(IEnumerable<IChatSource> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        foreach (var source in list)
        {
            await source.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(list.Select(source => PumpAsync(source, cancellationToken))).ConfigureAwait(false);
        await WhenIdleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops taking events, lets queued events and replies in flight finish for up to
    /// <see cref="ChatBotEngineOptions.ShutdownTimeout"/>, then cancels what is left.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        List<ChannelWorker> workers;
        lock (_channels)
        {
            workers = [.. _channels.Values];
        }

        foreach (var worker in workers)
        {
            worker.Complete();
        }

        try
        {
            await Task.WhenAll(workers.Select(w => w.Completion)).WaitAsync(Options.ShutdownTimeout, TimeProvider.System).ConfigureAwait(false);
            await WhenIdleAsync().WaitAsync(Options.ShutdownTimeout, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            EngineLog.ShutdownTimedOut(Logger, Options.ShutdownTimeout);
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var worker in workers)
        {
            worker.Dispose();
        }

        Metrics.Dispose();
        _shutdown.Dispose();
    }

    private async Task PumpAsync(IChatSource source, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chatEvent in source.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                Post(chatEvent, source);
                if (Options.ProcessSequentially)
                {
                    await WhenIdleAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not ObjectDisposedException)
        {
            EngineLog.SourceFailed(Logger, ex, source.Platform);
        }
    }
}
