using ChatBotKit.Time;

namespace ChatBotKit.VTubeStudio.Tests.Server;

/// <summary>A <see cref="VirtualClock"/> that lets a test wait until the code under test has started a wait of a given length.</summary>
public sealed class SignallingClock : TimeProvider
{
    private readonly VirtualClock _clock = new();
    private readonly List<TimeSpan> _waits = [];
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        lock (_waits)
        {
            _waits.Add(dueTime);
            var started = _started;
            _started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            started.TrySetResult();
        }

        return timer;
    }

    public void Advance(TimeSpan by) => _clock.Advance(by);

    /// <summary>Waits until a timer of exactly <paramref name="dueTime"/> has been created (since the clock was made).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (true)
        {
            Task started;
            lock (_waits)
            {
                if (_waits.Contains(dueTime))
                {
                    return;
                }

                started = _started.Task;
            }

            await started.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
