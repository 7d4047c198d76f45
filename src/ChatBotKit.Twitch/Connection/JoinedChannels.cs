using System.Collections.Immutable;
using ChatBotKit.RateLimiting;
using ChatBotKit.Twitch.Sending;

namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// The channels the source is in (lower case, without <c>#</c>), kept across connections, and the
/// pacing of JOINs under Twitch's join limit, one at a time across the source.
/// </summary>
internal sealed class JoinedChannels(TwitchSendLimits limits, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _joinGate = new(1, 1);
    private readonly SlidingWindow _joins = new(limits.JoinWindow, limits.JoinsPerWindow);
    private ImmutableHashSet<string> _channels = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The channels now.</summary>
    public ImmutableHashSet<string> All => Volatile.Read(ref _channels);

    /// <summary>Adds <paramref name="channel"/>; false when it was there already.</summary>
    public bool Add(string channel) => ImmutableInterlocked.Update(ref _channels, static (set, c) => set.Add(c), channel);

    /// <summary>Removes <paramref name="channel"/>; false when it was not there.</summary>
    public bool Remove(string channel) => ImmutableInterlocked.Update(ref _channels, static (set, c) => set.Remove(c), channel);

    /// <summary>Sends a JOIN for <paramref name="channel"/> on <paramref name="session"/> once the join limit allows.</summary>
    public async Task JoinOnAsync(IrcSession session, string channel, CancellationToken cancellationToken)
    {
        await _joinGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan delay;
            while ((delay = _joins.DelayUntilBelow(limits.JoinsPerWindow, time.GetUtcNow())) > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }

            _joins.Add(time.GetUtcNow());
            session.TryWrite("JOIN #" + channel);
        }
        finally
        {
            _joinGate.Release();
        }
    }

    public void Dispose() => _joinGate.Dispose();
}
