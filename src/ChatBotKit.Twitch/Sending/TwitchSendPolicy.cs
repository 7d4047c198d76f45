using System.Globalization;
using ChatBotKit.RateLimiting;

namespace ChatBotKit.Twitch.Sending;

/// <summary>
/// Decides when the next message may go out under Twitch's rules: the per-account window (larger
/// where the bot is moderator, VIP or broadcaster), the per-channel gap for ordinary accounts, slow
/// mode (which binds all but moderators and the broadcaster), pauses and stops after Twitch's
/// NOTICEs, and the 30-second duplicate rule. Every member locks, so the reader loop can change a
/// channel's state while the send loop asks.
/// </summary>
internal sealed class TwitchSendPolicy(TwitchSendLimits limits, TimeProvider time, TwitchSendStatistics statistics)
{
    /// <summary>An invisible tag character Twitch keeps, which makes a repeated text differ.</summary>
    internal const string DuplicateSuffix = " \U000E0000";

    private readonly Lock _gate = new();
    private readonly SlidingWindow _account = new(limits.Window, limits.ElevatedMessagesPerWindow);
    private readonly Dictionary<string, ChannelSendState> _channels = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The bot's role in <paramref name="channel"/>: elevated (moderator, VIP or broadcaster) raises the limits; moderators and the broadcaster also ignore slow mode.</summary>
    public void SetRole(string channel, bool elevated, bool slowModeExempt)
    {
        lock (_gate)
        {
            var state = Channel(channel);
            state.Elevated = elevated;
            state.SlowModeExempt = slowModeExempt;
        }
    }

    /// <summary>The channel's slow mode from ROOMSTATE: at most one message per <paramref name="interval"/> (zero is off).</summary>
    public void SetSlowMode(string channel, TimeSpan interval)
    {
        lock (_gate)
        {
            Channel(channel).SlowMode = interval;
        }
    }

    public TimeSpan SlowModeOf(string channel)
    {
        lock (_gate)
        {
            return Channel(channel).SlowMode;
        }
    }

    public bool IsElevated(string channel)
    {
        lock (_gate)
        {
            return Channel(channel).Elevated;
        }
    }

    public bool IsStopped(string channel)
    {
        lock (_gate)
        {
            return Channel(channel).Stopped;
        }
    }

    /// <summary>Lets a stopped channel send again (after the bot rejoins it, for example).</summary>
    public void Resume(string channel)
    {
        lock (_gate)
        {
            Channel(channel).Stopped = false;
        }
    }

    /// <summary>How long the next message to <paramref name="channel"/> must wait; zero means now.</summary>
    public TimeSpan DelayFor(string channel)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var state = Channel(channel);
            var limit = state.Elevated ? limits.ElevatedMessagesPerWindow : limits.MessagesPerWindow;
            var delay = _account.DelayUntilBelow(limit, now);
            var gap = state.Elevated ? TimeSpan.Zero : limits.ChannelGap;
            if (!state.SlowModeExempt && state.SlowMode > gap)
            {
                gap = state.SlowMode;
            }

            if (state.LastSent is { } last && last + gap - now > delay)
            {
                delay = last + gap - now;
            }

            if (state.PausedUntil - now > delay)
            {
                delay = state.PausedUntil - now;
            }

            return delay;
        }
    }

    /// <summary>Cuts <paramref name="text"/> to the limit and applies the duplicate rule; <see langword="null"/> means skip it.</summary>
    public string? Prepare(string channel, string text)
    {
        if (text.Length > limits.MaxMessageLength)
        {
            text = text[..limits.MaxMessageLength];
            if (char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }

            statistics.CountTruncated();
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            var state = Channel(channel);
            if (state.LastText != text || state.LastSent is not { } last || now - last >= limits.DuplicateWindow)
            {
                return text;
            }

            if (!limits.VaryDuplicates || text.Length + DuplicateSuffix.Length > limits.MaxMessageLength)
            {
                statistics.CountDuplicateSkipped();
                return null;
            }

            statistics.CountDuplicateVaried();
            return text + DuplicateSuffix;
        }
    }

    /// <summary>Records that <paramref name="text"/> went to <paramref name="channel"/> now.</summary>
    public void Record(string channel, string text)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _account.Add(now);
            var state = Channel(channel);
            state.LastSent = now;
            state.LastText = text;
        }
    }

    /// <summary>Slows or stops a channel after one of Twitch's NOTICEs about the bot's messages.</summary>
    public void OnNotice(string channel, string noticeId, string? text)
    {
        statistics.CountNotice(noticeId);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var state = Channel(channel);
            switch (noticeId)
            {
                case "msg_ratelimit":
                    state.PausedUntil = now + limits.RateLimitPause;
                    break;
                case "msg_timedout" or "msg_slowmode" or "msg_verified_email" or "msg_followersonly":
                    state.PausedUntil = now + (SecondsIn(text) ?? TimeSpan.FromSeconds(noticeId == "msg_timedout" ? 60 : 5));
                    break;
                case "msg_banned" or "msg_channel_suspended":
                    state.Stopped = true;
                    break;
                default:
                    break;
            }
        }
    }

    // "You are timed out for 593 more seconds." / "... in 4 seconds" -> the first number, in seconds.
    private static TimeSpan? SecondsIn(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = text.AsSpan();
        var start = digits.IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return null;
        }

        digits = digits[start..];
        var end = digits.IndexOfAnyExceptInRange('0', '9');
        return int.TryParse(end < 0 ? digits : digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, 14 * 24 * 3600))
            : null;
    }

    private ChannelSendState Channel(string channel)
    {
        if (!_channels.TryGetValue(channel, out var state))
        {
            state = new ChannelSendState();
            _channels[channel] = state;
        }

        return state;
    }

    private sealed class ChannelSendState
    {
        public bool Elevated { get; set; }

        public bool SlowModeExempt { get; set; }

        public TimeSpan SlowMode { get; set; }

        public bool Stopped { get; set; }

        public DateTimeOffset? LastSent { get; set; }

        public string? LastText { get; set; }

        public DateTimeOffset PausedUntil { get; set; }
    }
}
