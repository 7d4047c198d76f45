using ChatBotKit.Sources;

namespace ChatBotKit.Engine;

/// <summary>One declared source while it runs: the connection, its read loop and counters.</summary>
internal sealed class RunningSource(ChatSourceRegistration registration, IChatSource source)
{
    private long _events;
    private long _lastEventTicks = long.MinValue;

    public ChatSourceRegistration Registration { get; set; } = registration;

    public IChatSource Source { get; } = source;

    public CancellationTokenSource Reading { get; } = new();

    public Task Pump { get; set; } = Task.CompletedTask;

    public void EventRead(DateTimeOffset now)
    {
        Interlocked.Increment(ref _events);
        Interlocked.Exchange(ref _lastEventTicks, now.UtcTicks);
    }

    public SourceStatus Status()
    {
        var ticks = Interlocked.Read(ref _lastEventTicks);
        DateTimeOffset? last = ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        return new SourceStatus(Registration.Name, Source.Platform, Source.State, Registration.Channels, Interlocked.Read(ref _events), last);
    }
}
