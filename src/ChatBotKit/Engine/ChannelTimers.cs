using ChatBotKit.Triggers;

namespace ChatBotKit.Engine;

/// <summary>
/// A channel's timers: one per trigger with a <see cref="ITrigger.TimerInterval"/>, each
/// reporting its name and the viewer messages since its previous tick.
/// </summary>
internal sealed class ChannelTimers : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly ChannelActivity _activity;
    private readonly Action<string, int> _tick;
    private List<ChannelTimer> _timers = [];

    /// <summary>Creates the timers; <paramref name="tick"/> gets a timer's name and the viewer messages since its previous tick.</summary>
    public ChannelTimers(TimeProvider clock, ChannelActivity activity, Action<string, int> tick)
    {
        _clock = clock;
        _activity = activity;
        _tick = tick;
    }

    /// <summary>Replaces the timers with those <paramref name="triggers"/> ask for.</summary>
    public void Restart(IReadOnlyList<ITrigger> triggers)
    {
        List<ChannelTimer> started = [];
        for (var i = 0; i < triggers.Count; i++)
        {
            if (triggers[i].TimerInterval is { } interval)
            {
                started.Add(new ChannelTimer(this, triggers[i].Name, interval));
            }
        }

        List<ChannelTimer> stopped;
        lock (_gate)
        {
            (stopped, _timers) = (_timers, started);
        }

        stopped.ForEach(t => t.Dispose());
    }

    /// <inheritdoc />
    public void Dispose() => Restart([]);

    private sealed class ChannelTimer : IDisposable
    {
        private readonly ChannelTimers _owner;
        private readonly string _name;
        private readonly ITimer _timer;
        private long _messagesAtLastTick;

        public ChannelTimer(ChannelTimers owner, string name, TimeSpan interval)
        {
            _owner = owner;
            _name = name;
            _messagesAtLastTick = owner._activity.ViewerMessages;
            _timer = owner._clock.CreateTimer(static state => ((ChannelTimer)state!).Tick(), this, interval, interval);
        }

        public void Dispose() => _timer.Dispose();

        private void Tick()
        {
            var total = _owner._activity.ViewerMessages;
            var since = total - Interlocked.Exchange(ref _messagesAtLastTick, total);
            _owner._tick(_name, (int)Math.Min(since, int.MaxValue));
        }
    }
}
