namespace ChatBotKit.Engine;

/// <summary>One channel's record of quick back-and-forth with each user (see <see cref="ReplyLoopLimits"/>).</summary>
internal sealed class ReplyLoopGuard
{
    private const int SweepAbove = 256;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Exchanges> _users = new(StringComparer.Ordinal);

    /// <summary>Called for each user message: whether the user is paused now, counting this message as an answer if it is one.</summary>
    public bool IsPaused(ReplyLoopLimits limits, string userId, DateTimeOffset now)
    {
        if (limits.MaxExchanges <= 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                return false;
            }

            if (user.PausedUntil > now)
            {
                return true;
            }

            if (user.LastReply is { } replied && now - replied <= limits.QuickAnswer)
            {
                user.LastReply = null;
                if (++user.InARow >= limits.MaxExchanges)
                {
                    user.InARow = 0;
                    user.PausedUntil = now + limits.Pause;
                    return true;
                }
            }
            else
            {
                _users.Remove(userId);
            }

            return false;
        }
    }

    /// <summary>Called when a reply to <paramref name="userId"/> was sent.</summary>
    public void Replied(ReplyLoopLimits limits, string userId, DateTimeOffset at)
    {
        if (limits.MaxExchanges <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                if (_users.Count >= SweepAbove)
                {
                    Sweep(limits, at);
                }

                _users[userId] = user = new Exchanges();
            }

            user.LastReply = at;
        }
    }

    // Users whose last reply can no longer be answered quickly and who are not paused hold nothing.
    private void Sweep(ReplyLoopLimits limits, DateTimeOffset now)
    {
        foreach (var (id, user) in _users)
        {
            if (user.PausedUntil <= now && (user.LastReply is not { } replied || now - replied > limits.QuickAnswer))
            {
                _users.Remove(id);
            }
        }
    }

    private sealed class Exchanges
    {
        public DateTimeOffset? LastReply { get; set; }

        public int InARow { get; set; }

        public DateTimeOffset PausedUntil { get; set; }
    }
}
