using System.Collections.Concurrent;
using ChatBotKit.Time;

namespace ChatBotKit.YouTube.Tests.Servers;

/// <summary>A <see cref="VirtualClock"/> that tells the test each time the code under test starts a wait, and how long it is.</summary>
internal sealed class WatchedClock : TimeProvider
{
    private readonly VirtualClock _clock = new();
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private readonly SemaphoreSlim _started = new(0);

    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        _waits.Enqueue(dueTime);
        _started.Release();
        return timer;
    }

    /// <summary>Moves the clock on without any wait, as time passing between two calls.</summary>
    public void Advance(TimeSpan by) => _clock.Advance(by);

    /// <summary>Waits for the code under test to start a wait, and lets it run out.</summary>
    public async Task AdvanceNextWaitAsync() => _clock.Advance(await NextWaitStartedAsync());

    /// <summary>Waits for the code under test to start a wait, and leaves it waiting.</summary>
    public async Task<TimeSpan> NextWaitStartedAsync()
    {
        (await _started.WaitAsync(TimeSpan.FromSeconds(20))).Should().BeTrue("the code should start waiting");
        _waits.TryDequeue(out var wait).Should().BeTrue();
        Waits.Add(wait);
        return wait;
    }

    /// <summary>Lets every wait the code starts run out at once, until <paramref name="done"/> completes.</summary>
    public async Task RunUntilAsync(Task done)
    {
        using var stop = new CancellationTokenSource();
        while (true)
        {
            var next = _started.WaitAsync(stop.Token);
            if (await Task.WhenAny(next, done).WaitAsync(TimeSpan.FromSeconds(20)) == done)
            {
                await stop.CancelAsync();
                await done;
                return;
            }

            _waits.TryDequeue(out var wait).Should().BeTrue();
            Waits.Add(wait);
            _clock.Advance(wait);
        }
    }
}
