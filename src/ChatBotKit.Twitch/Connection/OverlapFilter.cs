using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Connection;

/// <summary>
/// While two connections are open during a handover (and a grace period after it), lets a line
/// that arrives on both through once: keyed by its <c>id</c> tag, or by the whole line when it has
/// none (JOIN, PART, ROOMSTATE, CLEARCHAT). Inactive, it costs one flag read per line. Not
/// thread-safe: <see cref="TwitchLineRouter"/> calls it under its lock.
/// </summary>
internal sealed class OverlapFilter
{
    private readonly RecentKeys _seen = new(8192);
    private bool _active;
    private bool _open;
    private DateTimeOffset _until;

    /// <summary>Starts filtering, until <see cref="EndAt"/>.</summary>
    public void Begin() => _open = _active = true;

    /// <summary>Keeps filtering until <paramref name="until"/>, then forgets what it saw.</summary>
    public void EndAt(DateTimeOffset until)
    {
        _open = false;
        _until = until;
    }

    /// <summary>False when the filter is active and saw the same line (or message id) before.</summary>
    public bool IsFirst(in IrcLine line, TimeProvider time)
    {
        if (!_active)
        {
            return true;
        }

        if (!_open && time.GetUtcNow() >= _until)
        {
            _active = false;
            _seen.Clear();
            return true;
        }

        return _seen.Add(line.TryGetTag("id", out var id) && !id.IsEmpty ? id : line.Text.AsSpan());
    }
}
