using System.Diagnostics.Metrics;
using System.Threading.Channels;
using ChatBotKit.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting.Interactions;

/// <summary>
/// Keeps the interaction log: every reply opens an <see cref="EngagementWatch"/> on its channel; the
/// channel's events within the window feed it; when the window closes the line is counted in
/// <c>chatbotkit.interactions</c> (by trigger, channel and whether it drew engagement) and written by
/// <see cref="InteractionLogWriter"/> on its own task, never on the engine's.
/// </summary>
internal sealed class InteractionRecorder : IChatBotDecisionTap, IHostedService, IDisposable
{
    /// <summary>The meter of <c>chatbotkit.interactions</c>.</summary>
    public const string MeterName = "ChatBotKit.Interactions";

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    private readonly InteractionLogOptions _options;
    private readonly TimeProvider _time;
    private readonly RunningChatBots _bots;
    private readonly Lock _gate = new();
    private readonly List<EngagementWatch> _open = [];
    private readonly Channel<InteractionRecord> _closed = Channel.CreateUnbounded<InteractionRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InteractionLogWriter _writer;
    private readonly Meter _meter;
    private readonly Counter<long> _interactions;
    private ITimer? _sweep;
    private Task _writing = Task.CompletedTask;

    public InteractionRecorder(InteractionLogOptions options, RunningChatBots bots, TimeProvider? time, IMeterFactory? meterFactory, ILogger logger)
    {
        _options = options;
        _bots = bots;
        _time = time ?? TimeProvider.System;
        _writer = new InteractionLogWriter(options, _time, logger);
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _interactions = _meter.CreateCounter<long>("chatbotkit.interactions", "{reply}", "Replies whose engagement window closed, by trigger, channel and whether chat engaged.");
    }

    /// <summary>The replies counted since start by trigger and channel, with how many drew engagement (the dashboard shows them).</summary>
    public EngagementTally Engagement { get; } = new();

    /// <inheritdoc />
    public IDecisionListener For(string bot) => new Listener(this, bot);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(_options.Directory);
        _writing = _writer.RunAsync(_closed.Reader);
        _sweep = _time.CreateTimer(_ => Sweep(_time.GetUtcNow()), null, SweepInterval, SweepInterval);
        return Task.CompletedTask;
    }

    /// <summary>Closes every open window (their lines are written with what was seen so far) and waits for the writer.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _sweep?.Dispose();
        Sweep(DateTimeOffset.MaxValue);
        _closed.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _sweep?.Dispose();
        _meter.Dispose();
    }

    /// <summary>Closes the windows that ended by <paramref name="now"/>.</summary>
    internal void Sweep(DateTimeOffset now)
    {
        List<EngagementWatch> done;
        lock (_gate)
        {
            done = _open.FindAll(w => w.Closes <= now);
            _open.RemoveAll(w => w.Closes <= now);
        }

        foreach (var watch in done)
        {
            var record = watch.Close();
            _interactions.Add(1, new("trigger", record.Trigger ?? "none"), new("channel", record.Channel), new("engaged", record.Engagement.Engaged ? "true" : "false"));
            Engagement.Add(record);
            _closed.Writer.TryWrite(record);
        }
    }

    private void OnDecision(string bot, in ChatDecision decision)
    {
        Sweep(decision.Timestamp);
        lock (_gate)
        {
            if (decision.Event is { } chatEvent)
            {
                foreach (var watch in _open)
                {
                    if (watch.Platform == decision.Platform.Value && watch.Channel == decision.Channel)
                    {
                        watch.See(chatEvent);
                    }
                }
            }

            if (decision.Replies is { Count: > 0 } replies)
            {
                _open.Add(new EngagementWatch(Record(bot, decision, replies), _bots.Find(bot)?.Engine.Definition.Identity.Name ?? bot, decision.Timestamp + _options.EngagementWindow));
            }
        }
    }

    private static InteractionRecord Record(string bot, in ChatDecision decision, IReadOnlyList<string> replies)
    {
        var message = decision.Event as Events.MessageReceived;
        return new InteractionRecord(
            decision.Timestamp,
            bot,
            decision.Platform.Value,
            decision.Channel,
            decision.Trigger,
            decision.Outcome.ToString().ToLowerInvariant(),
            new InteractionEvent(decision.EventKind, decision.Event?.Id, message?.User.DisplayName, message?.Text),
            replies,
            new Engagement(false, 0, false, 0, false));
    }

    private sealed class Listener(InteractionRecorder recorder, string bot) : IDecisionListener
    {
        public void OnDecision(in ChatDecision decision) => recorder.OnDecision(bot, decision);
    }
}
