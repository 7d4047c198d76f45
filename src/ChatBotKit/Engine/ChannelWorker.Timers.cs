using ChatBotKit.Events;
using ChatBotKit.Triggers;

namespace ChatBotKit.Engine;

internal sealed partial class ChannelWorker
{
    private readonly Lock _timerGate = new();
    private List<ChannelTimer> _timers = [];

    /// <summary>Replaces the channel's timers with one per trigger in <paramref name="triggers"/> that has a <see cref="ITrigger.TimerInterval"/>.</summary>
    private void StartTimers(IEnumerable<ITrigger> triggers)
    {
        List<ChannelTimer> started = [];
        foreach (var trigger in triggers)
        {
            if (trigger.TimerInterval is { } interval)
            {
                started.Add(new ChannelTimer(this, trigger.Name, interval));
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
            Timer = timer.Name,
            MessagesSinceLastTick = (int)Math.Min(since, int.MaxValue),
        };
        Enqueue(new WorkItem(tick, source, CorrelationId.Next(), now));
    }

    private sealed class ChannelTimer : IDisposable
    {
        private readonly ITimer _timer;
        private readonly ChannelWorker _worker;
        private long _messageCountAtLastTick;

        public ChannelTimer(ChannelWorker worker, string name, TimeSpan interval)
        {
            _worker = worker;
            Name = name;
            _messageCountAtLastTick = Interlocked.Read(ref worker._messageCount);
            _timer = worker._engine.TimeProvider.CreateTimer(static state => ((ChannelTimer)state!).Fire(), this, interval, interval);
        }

        public string Name { get; }

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
