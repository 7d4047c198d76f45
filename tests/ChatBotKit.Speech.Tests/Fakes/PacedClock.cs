using System.Collections.Concurrent;
using ChatBotKit.Time;

namespace ChatBotKit.Speech.Tests.Fakes;

/// <summary>
/// A <see cref="VirtualClock"/> that tells the test about each short timer (the player's pacing
/// waits, under a second), so the test can move time exactly to the moment the player waits for.
/// </summary>
public sealed class PacedClock : TimeProvider
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private readonly VirtualClock _clock = new();
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private readonly SemaphoreSlim _created = new(0);

    public DateTimeOffset Start { get; } = new VirtualClock().GetUtcNow();

    public TimeSpan Elapsed => _clock.GetUtcNow() - Start;

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public void Advance(TimeSpan delta) => _clock.Advance(delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        if (dueTime < Short)
        {
            _waits.Enqueue(dueTime);
            _created.Release();
        }

        return timer;
    }

    /// <summary>
    /// Plays on: waits for the player's next pacing wait and moves time to its end, until
    /// <paramref name="until"/> has elapsed or <paramref name="done"/> has completed.
    /// </summary>
    public async Task PlayUntilAsync(TimeSpan until, Task? done = null)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Elapsed < until && done?.IsCompleted != true)
        {
            if (await _created.WaitAsync(TimeSpan.FromMilliseconds(50)))
            {
                _waits.TryDequeue(out var due);
                Advance(due);
            }
            else if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException($"the player stopped waiting at {Elapsed}");
            }
        }
    }
}
