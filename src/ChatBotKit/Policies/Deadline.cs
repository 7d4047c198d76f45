namespace ChatBotKit.Policies;

/// <summary>
/// A time limit for one call, measured on a <see cref="TimeProvider"/> and linked to the caller's
/// token. When the time is up the call's <see cref="Token"/> is cancelled and waiting stops, even if
/// the call ignores its token; the wait then fails with a <see cref="TimeoutException"/>, while a
/// cancelled caller still gets its <see cref="OperationCanceledException"/>. The engine's LLM and
/// handler timeouts and the AI package's <c>UseTimeout</c> step are this one policy.
/// </summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _caller;

    /// <summary>Starts the clock: <paramref name="limit"/> from now on <paramref name="time"/>.</summary>
    public Deadline(TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        Limit = limit;
        _caller = cancellationToken;
        _timer = new CancellationTokenSource(limit, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
    }

    /// <summary>How long the call may take.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Cancelled when the time is up or the caller cancels; pass it to the call.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the time ran out (rather than the caller cancelling).</summary>
    public bool Expired => _timer.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Runs <paramref name="call"/> within <paramref name="limit"/> on <paramref name="time"/>.</summary>
    /// <exception cref="TimeoutException">The time ran out first.</exception>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new Deadline(limit, time, cancellationToken);
        return await deadline.WaitAsync(call(deadline.Token)).ConfigureAwait(false);
    }

    /// <summary>Waits for <paramref name="task"/>, but no longer than the deadline.</summary>
    /// <exception cref="TimeoutException">The time ran out first.</exception>
    public async Task<T> WaitAsync<T>(Task<T> task)
    {
        try
        {
            return await task.WaitAsync(Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (Expired)
        {
            throw new TimeoutException($"the call took longer than {Limit.TotalSeconds:0.###} s", ex);
        }
    }

    /// <summary>Cancels the call's token (the caller is done with it).</summary>
    public Task CancelAsync() => _linked.CancelAsync();

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
