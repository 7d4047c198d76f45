using System.Diagnostics.Metrics;
using ChatBotKit.Engine;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// The dashboard's live log: hears every bot's decisions, keeps the latest for a page that opens, and
/// hands each to every browser listening through its own bounded buffer. Publishing never waits: a
/// browser that falls behind loses its oldest lines, counted in <c>chatbotkit.dashboard.dropped</c>.
/// </summary>
internal sealed class DashboardFeed : IChatBotDecisionTap, IDisposable
{
    /// <summary>The meter of the dashboard's instruments.</summary>
    public const string MeterName = "ChatBotKit.Dashboard";

    private const int RecentCapacity = 500;
    private readonly Lock _gate = new();
    private readonly Queue<DashboardEntry> _recent = new();
    private readonly Meter _meter;
    private readonly Counter<long> _dropped;
    private readonly int _clientBuffer;
    private DashboardSubscription[] _subscribers = [];
    private long _lastId;

    public DashboardFeed(int clientBuffer, IMeterFactory? meterFactory)
    {
        _clientBuffer = clientBuffer;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _dropped = _meter.CreateCounter<long>("chatbotkit.dashboard.dropped", "{event}", "Live log lines dropped because a browser fell behind.");
        Replies = new ReplyRate();
    }

    /// <summary>How many browsers are listening.</summary>
    public int Listeners => Volatile.Read(ref _subscribers).Length;

    /// <summary>Replies per channel over the last minute.</summary>
    public ReplyRate Replies { get; }

    /// <inheritdoc />
    public IDecisionListener For(string bot) => new Listener(this, bot);

    /// <summary>Adds a line sent from the dashboard itself.</summary>
    public void Said(string bot, string platform, string channel, DateTimeOffset at, string text) =>
        Publish(id => new DashboardEntry(id, bot, platform, channel, at, DashboardEntry.Said, null, null, null, null, [text]));

    /// <summary>The latest lines, oldest first.</summary>
    public IReadOnlyList<DashboardEntry> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    /// <summary>A buffer that receives every line from now on until it is disposed.</summary>
    public DashboardSubscription Subscribe()
    {
        var subscription = new DashboardSubscription(_clientBuffer, () => _dropped.Add(1), Unsubscribe);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private void Publish(Func<long, DashboardEntry> create)
    {
        DashboardEntry entry;
        DashboardSubscription[] subscribers;
        lock (_gate)
        {
            entry = create(++_lastId);
            _recent.Enqueue(entry);
            if (_recent.Count > RecentCapacity)
            {
                _recent.Dequeue();
            }

            subscribers = _subscribers;
        }

        if (entry.BotSpoke)
        {
            Replies.Add(entry.Bot, entry.Platform, entry.Channel, entry.At);
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(entry);
        }
    }

    private void Unsubscribe(DashboardSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
        }
    }

    private sealed class Listener(DashboardFeed feed, string bot) : IDecisionListener
    {
        public void OnDecision(in ChatDecision decision)
        {
            var copy = decision;
            feed.Publish(id => DashboardEntry.From(id, bot, copy));
        }
    }
}
