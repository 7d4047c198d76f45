using System.Threading.Channels;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// One browser's buffer of live log lines: bounded, dropping its oldest line when full (and counting
/// it), so a slow browser never slows the bot. Disposing it (the browser went away) frees it.
/// </summary>
internal sealed class DashboardSubscription : IDisposable
{
    private readonly Channel<DashboardEntry> _buffer;
    private readonly Action<DashboardSubscription> _unsubscribe;
    private long _dropped;

    public DashboardSubscription(int capacity, Action onDropped, Action<DashboardSubscription> unsubscribe)
    {
        _unsubscribe = unsubscribe;
        _buffer = Channel.CreateBounded<DashboardEntry>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ =>
            {
                Interlocked.Increment(ref _dropped);
                onDropped();
            });
    }

    /// <summary>Lines this browser lost because it fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The lines, as they come.</summary>
    public ChannelReader<DashboardEntry> Lines => _buffer.Reader;

    /// <summary>Adds a line without waiting.</summary>
    public void Offer(DashboardEntry entry) => _buffer.Writer.TryWrite(entry);

    /// <inheritdoc />
    public void Dispose()
    {
        _unsubscribe(this);
        _buffer.Writer.TryComplete();
    }
}
