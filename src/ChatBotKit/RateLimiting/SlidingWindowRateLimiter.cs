using System.Collections.Concurrent;
using ChatBotKit.Events;

namespace ChatBotKit.RateLimiting;

/// <summary>
/// The standard <see cref="IRateLimiter"/>: sliding windows per user, per channel and across all
/// channels, a minimum gap between the bot's replies, per-trigger cooldowns and role
/// multipliers. The <see cref="Policy"/> can be replaced at any time without losing the counts.
/// </summary>
public sealed class SlidingWindowRateLimiter : IRateLimiter
{
    private const int UserSweepInterval = 1024;
    private readonly ConcurrentDictionary<(ChatPlatform, string), ChannelState> _channels = new();
    private readonly Lock _globalGate = new();
    private readonly TimestampRing _global = new();
    private volatile RateLimitPolicy _policy;

    /// <summary>Creates a limiter with <paramref name="policy"/> (validated).</summary>
    public SlidingWindowRateLimiter(RateLimitPolicy? policy = null)
    {
        policy ??= RateLimitPolicy.Default;
        policy.Validate();
        _policy = policy;
    }

    /// <summary>The limits in force. Setting it keeps every window's history.</summary>
    public RateLimitPolicy Policy
    {
        get => _policy;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _policy = value;
        }
    }

    /// <inheritdoc />
    public RateLimitDecision Evaluate(in RateLimitRequest request, DateTimeOffset now)
    {
        var policy = _policy;
        var multiplier = policy.MultiplierFor(request.Roles);
        var exempt = double.IsPositiveInfinity(multiplier);
        // Reading never creates state: a channel the limiter has not seen has nothing to block.
        if (_channels.TryGetValue((request.Platform, request.Channel), out var state))
        {
            lock (state.Gate)
            {
                if (!exempt && request.Cooldown > TimeSpan.Zero &&
                    state.LastFired.TryGetValue(request.Trigger, out var fired) &&
                    TimestampRing.AddClamped(fired, request.Cooldown) is var cooled && cooled > now)
                {
                    return new(RateLimitReason.TriggerCooldown, cooled - now);
                }

                if (!exempt && request.UserId is { } user && state.Users.TryGetValue(user, out var userRing) &&
                    Blocked(userRing, policy.PerUser, multiplier, now) is { } userWait)
                {
                    return new(RateLimitReason.User, userWait);
                }

                if (Blocked(state.Replies, policy.PerChannel, 1, now) is { } channelWait)
                {
                    return new(RateLimitReason.Channel, channelWait);
                }

                var gapEnds = state.Replies.IsEmpty ? now : TimestampRing.AddClamped(state.Replies.Newest, policy.MinimumGap);
                if (!request.WrittenByHandler && policy.MinimumGap > TimeSpan.Zero && gapEnds > now)
                {
                    return new(RateLimitReason.MinimumGap, gapEnds - now);
                }
            }
        }

        if (policy.Global.Count > 0)
        {
            lock (_globalGate)
            {
                if (Blocked(_global, policy.Global, 1, now) is { } globalWait)
                {
                    return new(RateLimitReason.Global, globalWait);
                }
            }
        }

        return RateLimitDecision.Allowed;
    }

    /// <inheritdoc />
    public void Record(in RateLimitRequest request, DateTimeOffset now)
    {
        var policy = _policy;
        var multiplier = policy.MultiplierFor(request.Roles);
        var state = _channels.GetOrAdd((request.Platform, request.Channel), static _ => new ChannelState());
        lock (state.Gate)
        {
            state.LastFired[request.Trigger] = now;
            state.Replies.Add(now, Math.Max(1, Keep(policy.PerChannel, 1)));
            if (request.UserId is { } user && policy.PerUser.Count > 0 && !double.IsPositiveInfinity(multiplier))
            {
                if (!state.Users.TryGetValue(user, out var ring))
                {
                    state.Users[user] = ring = new TimestampRing();
                }

                ring.Add(now, Keep(policy.PerUser, multiplier));
            }

            if (++state.RecordsSinceSweep >= UserSweepInterval)
            {
                state.RecordsSinceSweep = 0;
                SweepIdleUsers(state, policy, now);
            }
        }

        if (policy.Global.Count > 0)
        {
            lock (_globalGate)
            {
                _global.Add(now, Keep(policy.Global, 1));
            }
        }
    }

    /// <inheritdoc />
    public void Release(in RateLimitRequest request, DateTimeOffset recordedAt)
    {
        if (_channels.TryGetValue((request.Platform, request.Channel), out var state))
        {
            lock (state.Gate)
            {
                state.Replies.Remove(recordedAt);
                if (request.UserId is { } user && state.Users.TryGetValue(user, out var ring))
                {
                    ring.Remove(recordedAt);
                }
            }
        }

        lock (_globalGate)
        {
            _global.Remove(recordedAt);
        }
    }

    private static TimeSpan? Blocked(TimestampRing ring, IReadOnlyList<RateWindow> windows, double multiplier, DateTimeOffset now)
    {
        TimeSpan? longest = null;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var wait = ring.RetryAfter(Scaled(window.Limit, multiplier), window.Window, now);
            if (wait > TimeSpan.Zero && (longest is null || wait > longest))
            {
                longest = wait;
            }
        }

        return longest;
    }

    private static int Keep(IReadOnlyList<RateWindow> windows, double multiplier)
    {
        var keep = 1;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            keep = Math.Max(keep, Scaled(window.Limit, multiplier));
        }

        return keep;
    }

    private static int Scaled(int limit, double multiplier) =>
        multiplier == 1 ? limit : (int)Math.Clamp(Math.Floor(limit * multiplier), 1, 1_000_000);

    private static void SweepIdleUsers(ChannelState state, RateLimitPolicy policy, DateTimeOffset now)
    {
        var longest = TimeSpan.Zero;
        foreach (var window in policy.PerUser)
        {
            longest = window.Window > longest ? window.Window : longest;
        }

        foreach (var (user, ring) in state.Users)
        {
            if (TimestampRing.AddClamped(ring.Newest, longest) < now)
            {
                state.Users.Remove(user);
            }
        }
    }

    private sealed class ChannelState
    {
        public Lock Gate { get; } = new();

        public TimestampRing Replies { get; } = new();

        public Dictionary<string, DateTimeOffset> LastFired { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TimestampRing> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int RecordsSinceSweep { get; set; }
    }
}
