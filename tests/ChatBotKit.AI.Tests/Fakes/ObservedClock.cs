using System.Collections.Concurrent;
using ChatBotKit.Time;

namespace ChatBotKit.AI.Tests.Fakes;

/// <summary>A <see cref="VirtualClock"/> that also tells tests which timers were created, so they advance only once a policy is waiting.</summary>
public sealed class ObservedClock : TimeProvider
{
    private readonly VirtualClock _clock = new();
    private readonly ConcurrentQueue<TimeSpan> _timers = new();
    private readonly SemaphoreSlim _created = new(0);

    public IReadOnlyList<TimeSpan> TimerDueTimes => [.. _timers];

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public void Advance(TimeSpan delta) => _clock.Advance(delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        _timers.Enqueue(dueTime);
        _created.Release();
        return timer;
    }

    /// <summary>Waits until a timer with <paramref name="predicate"/>'s due time exists and returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> predicate, int skip = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var matches = _timers.Where(predicate).ToList();
            if (matches.Count > skip)
            {
                return matches[skip];
            }

            await _created.WaitAsync(timeout.Token);
        }
    }
}
