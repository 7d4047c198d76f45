namespace ChatBotKit.Engine;

public sealed partial class ChatBotEngine
{
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
}
