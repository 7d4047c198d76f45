using ChatBotKit.Events;
using ChatBotKit.Triggers;

namespace ChatBotKit.Engine;

internal sealed partial class ChannelWorker
{
    private readonly Lock _timerGate = new();
    private List<ChannelTimer> _timers = [];

    /// <summary>Replaces the channel's timers with one per <see cref="TimerTrigger"/> in <paramref name="triggers"/>.</summary>
    private void StartTimers(IEnumerable<ITrigger> triggers)
    {
        List<ChannelTimer> started = [];
        foreach (var trigger in triggers)
        {
            if (trigger is TimerTrigger timer)
            {
                started.Add(new ChannelTimer(this, timer));
            }
        }

        List<ChannelTimer> stopped;
        lock (_timerGate)
        {
            (stopped, _timers) = (_timers, started);
        }

        stopped.ForEach(t => t.Dispose());
    }

    private void StopTimers() => StartTimers([]);

    private void Tick(ChannelTimer timer)
    {
        if (_lastSource is not { } source)
        {
            return;
        }

        var since = timer.TakeMessagesSinceLastTick();
        var now = _engine.TimeProvider.GetUtcNow();
        var tick = new TimerElapsed
        {
            Platform = Platform,
            Channel = Channel,
            Timestamp = now,
            Trigger = timer.Trigger,
            MessagesSinceLastTick = (int)Math.Min(since, int.MaxValue),
        };
        Enqueue(new WorkItem(tick, source, CorrelationId.Next(), now));
    }

    private sealed class ChannelTimer : IDisposable
    {
        private readonly ITimer _timer;
        private readonly ChannelWorker _worker;
        private long _messageCountAtLastTick;

        public ChannelTimer(ChannelWorker worker, TimerTrigger trigger)
        {
            _worker = worker;
            Trigger = trigger;
            _messageCountAtLastTick = Interlocked.Read(ref worker._messageCount);
            _timer = worker._engine.TimeProvider.CreateTimer(static state => ((ChannelTimer)state!).Fire(), this, trigger.Interval, trigger.Interval);
        }

        public TimerTrigger Trigger { get; }

        /// <summary>Viewer messages since the previous tick; resets the count.</summary>
        public long TakeMessagesSinceLastTick()
        {
            var total = Interlocked.Read(ref _worker._messageCount);
            return total - Interlocked.Exchange(ref _messageCountAtLastTick, total);
        }

        public void Dispose() => _timer.Dispose();

        private void Fire() => _worker.Tick(this);
    }
}
