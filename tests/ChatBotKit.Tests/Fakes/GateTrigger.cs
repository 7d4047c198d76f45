using System.Collections.Concurrent;
using ChatBotKit.Events;
using ChatBotKit.Triggers;

namespace ChatBotKit.Tests.Fakes;

/// <summary>
/// A trigger that never matches, records the messages it sees, and holds the channel loop on
/// the first one until <see cref="Open"/> is called.
/// </summary>
public sealed class GateTrigger : ITrigger
{
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly ConcurrentQueue<string> _seen = new();

    public SemaphoreSlim Entered { get; } = new(0);

    public IReadOnlyList<string> Seen => [.. _seen];

    public string Name => "gate";

    public string Kind => "gate";

    public TimeSpan? TimerInterval => null;

    public TriggerPolicy Policy => TriggerPolicy.Default;

    public TriggerResponder Responder => TriggerResponder.LanguageModel;

    public bool Matches(in TriggerContext context)
    {
        _seen.Enqueue((context.Event as MessageReceived)?.Text ?? context.Event.Kind);
        if (_seen.Count == 1)
        {
            Entered.Release();
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        return false;
    }

    public void Open() => _gate.Set();
}
