namespace ChatBotKit.Policies;

/// <summary>
/// Lets at most <see cref="MaxConcurrent"/> callers in at once; the rest wait in order, for a
/// bounded time or as long as it takes. The engine's per-channel LLM slots and the AI package's
/// <c>UseConcurrencyLimit</c> step are this one policy.
/// </summary>
internal sealed class ConcurrencyGate : IDisposable
{
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates a gate for <paramref name="maxConcurrent"/> callers.</summary>
    public ConcurrencyGate(int maxConcurrent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        MaxConcurrent = maxConcurrent;
        _slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
    }

    /// <summary>How many callers may be in at once.</summary>
    public int MaxConcurrent { get; }

    /// <summary>How many callers are in now.</summary>
    public int Active => MaxConcurrent - _slots.CurrentCount;

    /// <summary>Waits as long as it takes for a slot.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    /// <summary>
    /// Takes a slot, waiting up to <paramref name="maxWait"/> on <paramref name="time"/>;
    /// <see langword="false"/> when none came free in that time.
    /// </summary>
    public async ValueTask<bool> TryEnterAsync(TimeSpan maxWait, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return true;
        }

        if (maxWait <= TimeSpan.Zero)
        {
            return false;
        }

        using var deadline = new Deadline(maxWait, time, cancellationToken);
        try
        {
            await _slots.WaitAsync(deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            return false;
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Release() => _slots.Release();

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}
