namespace ChatBotKit.Twitch.Sending;

/// <summary>Counters of what the Twitch source sent, held back or lost; safe to read from any thread.</summary>
public sealed class TwitchSendStatistics
{
    private long _sent;
    private long _queueDrops;
    private long _lostOnDisconnect;
    private long _duplicatesVaried;
    private long _duplicatesSkipped;
    private long _truncated;
    private long _stoppedChannelDrops;
    private long _anonymousDrops;
    private long _rateLimitNotices;
    private long _duplicateNotices;
    private long _bannedNotices;
    private long _timedOutNotices;
    private long _handed;
    private long _rejected;

    /// <summary>Messages written to the server.</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Messages dropped because the outbound queue was full (the oldest go first).</summary>
    public long QueueDrops => Volatile.Read(ref _queueDrops);

    /// <summary>Messages handed to a connection that broke before writing them.</summary>
    public long LostOnDisconnect => Volatile.Read(ref _lostOnDisconnect);

    /// <summary>Repeated texts sent with an invisible variation so Twitch accepts them.</summary>
    public long DuplicatesVaried => Volatile.Read(ref _duplicatesVaried);

    /// <summary>Repeated texts not sent.</summary>
    public long DuplicatesSkipped => Volatile.Read(ref _duplicatesSkipped);

    /// <summary>Messages cut to the length limit.</summary>
    public long Truncated => Volatile.Read(ref _truncated);

    /// <summary>Messages not sent because the bot is banned from (or stopped in) the channel.</summary>
    public long StoppedChannelDrops => Volatile.Read(ref _stoppedChannelDrops);

    /// <summary>Messages not sent because the connection is anonymous (read-only).</summary>
    public long AnonymousDrops => Volatile.Read(ref _anonymousDrops);

    /// <summary>NOTICE <c>msg_ratelimit</c> received.</summary>
    public long RateLimitNotices => Volatile.Read(ref _rateLimitNotices);

    /// <summary>NOTICE <c>msg_duplicate</c> received.</summary>
    public long DuplicateNotices => Volatile.Read(ref _duplicateNotices);

    /// <summary>NOTICE <c>msg_banned</c> (or <c>msg_channel_suspended</c>) received.</summary>
    public long BannedNotices => Volatile.Read(ref _bannedNotices);

    /// <summary>NOTICE <c>msg_timedout</c> received.</summary>
    public long TimedOutNotices => Volatile.Read(ref _timedOutNotices);

    /// <summary>Messages Twitch's Helix API answered but did not send (<c>is_sent:false</c>: AutoMod, a rate limit, an error page).</summary>
    public long Rejected => Volatile.Read(ref _rejected);

    /// <summary>Every message given to the source that did not reach the server, summed.</summary>
    public long NotSent => QueueDrops + LostOnDisconnect + DuplicatesSkipped + StoppedChannelDrops + AnonymousDrops + Rejected;

    /// <summary>Messages handed to a connection's writer (sent, or about to be).</summary>
    internal long Handed => Volatile.Read(ref _handed);

    internal void CountHanded() => Interlocked.Increment(ref _handed);

    internal void CountSent() => Interlocked.Increment(ref _sent);

    internal void CountQueueDrop() => Interlocked.Increment(ref _queueDrops);

    internal void CountLostOnDisconnect() => Interlocked.Increment(ref _lostOnDisconnect);

    internal void CountDuplicateVaried() => Interlocked.Increment(ref _duplicatesVaried);

    internal void CountDuplicateSkipped() => Interlocked.Increment(ref _duplicatesSkipped);

    internal void CountTruncated() => Interlocked.Increment(ref _truncated);

    internal void CountStoppedChannelDrop() => Interlocked.Increment(ref _stoppedChannelDrops);

    internal void CountAnonymousDrop() => Interlocked.Increment(ref _anonymousDrops);

    internal void CountRejected() => Interlocked.Increment(ref _rejected);

    internal void CountNotice(string noticeId)
    {
        switch (noticeId)
        {
            case "msg_ratelimit": Interlocked.Increment(ref _rateLimitNotices); break;
            case "msg_duplicate": Interlocked.Increment(ref _duplicateNotices); break;
            case "msg_banned" or "msg_channel_suspended": Interlocked.Increment(ref _bannedNotices); break;
            case "msg_timedout": Interlocked.Increment(ref _timedOutNotices); break;
            default: break;
        }
    }
}
