namespace ChatBotKit.Nats;

/// <summary>
/// Delays between rounds of reconnect attempts: <see cref="MinDelay"/> doubling up to
/// <see cref="MaxDelay"/>, plus a random jitter up to <see cref="Jitter"/>. A round tries every known
/// server once; the first round after losing a connection starts at once.
/// </summary>
public sealed record NatsReconnectPolicy
{
    /// <summary>The delay after the first failed round.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between rounds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest random extra delay, so that many clients do not reconnect in step.</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Failed rounds after which the connection gives up and closes; -1 never gives up.</summary>
    public int MaxRounds { get; init; } = -1;

    /// <summary>The delay before round <paramref name="failedRounds"/> + 1.</summary>
    /// <param name="failedRounds">Rounds that failed so far (1 or more).</param>
    /// <param name="random">Source of the jitter.</param>
    public TimeSpan DelayAfter(int failedRounds, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var factor = Math.Pow(2, Math.Min(Math.Max(failedRounds - 1, 0), 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(MinDelay.Ticks * factor, MaxDelay.Ticks));
        return delay + TimeSpan.FromTicks((long)(Jitter.Ticks * random.NextDouble()));
    }

    internal void Validate()
    {
        if (MinDelay < TimeSpan.Zero || MaxDelay < MinDelay || Jitter < TimeSpan.Zero || MaxRounds < -1)
        {
            throw new ArgumentException("NatsOptions.Reconnect needs 0 <= MinDelay <= MaxDelay, Jitter >= 0 and MaxRounds >= -1.", nameof(NatsOptions.Reconnect));
        }
    }
}
