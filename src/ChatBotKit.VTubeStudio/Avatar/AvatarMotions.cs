using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// Plays motions one at a time so they never collide: each waits until the one before has run
/// for its <see cref="AvatarMotion.Duration"/>; the highest priority goes next (in order of arrival
/// within a priority). A looping motion plays again whenever nothing else is waiting.
/// </summary>
public sealed class AvatarMotions : IAsyncDisposable
{
    private readonly IAvatarDriver _driver;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<AvatarMotion, (int Priority, long Order)> _waiting = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private AvatarMotion? _looping;
    private long _order;

    /// <summary>Starts the loop that plays motions through <paramref name="driver"/>.</summary>
    public AvatarMotions(IAvatarDriver driver, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _loop = Task.Run(PlayAsync);
    }

    /// <summary>How many motions wait at most; when full, a new motion is dropped. Default 16.</summary>
    public int Capacity { get; init; } = 16;

    /// <summary>How many motions are waiting.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="motion"/> at <paramref name="priority"/> (higher plays sooner); with
    /// <paramref name="loop"/> it becomes the motion that repeats while nothing else waits.
    /// </summary>
    /// <returns><see langword="false"/> when the queue is full and the motion was dropped.</returns>
    public bool Play(AvatarMotion motion, int priority = 0, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(motion);
        lock (_gate)
        {
            if (loop)
            {
                _looping = motion;
            }
            else if (_waiting.Count >= Capacity)
            {
                return false;
            }
            else
            {
                // PriorityQueue dequeues the smallest key first: negate the priority, keep arrival order.
                _waiting.Enqueue(motion, (-priority, _order++));
            }
        }

        _wake.Release();
        return true;
    }

    /// <summary>Stops repeating the looping motion (it finishes its current run).</summary>
    public void StopLoop()
    {
        lock (_gate)
        {
            _looping = null;
        }
    }

    /// <summary>Stops playing; waiting motions are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task PlayAsync()
    {
        try
        {
            while (true)
            {
                AvatarMotion? next;
                lock (_gate)
                {
                    next = _waiting.TryDequeue(out var motion, out _) ? motion : _looping;
                }

                if (next is null)
                {
                    await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
                    continue;
                }

                // The end is fixed before the hotkey is sent, so the driver's round trip counts toward the duration.
                var started = _time.GetTimestamp();
                await StartAsync(next).ConfigureAwait(false);
                var left = next.Duration - _time.GetElapsedTime(started);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, _time, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task StartAsync(AvatarMotion motion)
    {
        try
        {
            await _driver.PlayMotionAsync(motion, _stop.Token).ConfigureAwait(false);
        }
        catch (VTubeStudioException ex)
        {
            VTubeStudioLog.AvatarActionFailed(_logger, ex.Message);
        }
    }
}
