using BenchmarkDotNet.Attributes;
using ChatBotKit.Engine;
using ChatBotKit.Events;

namespace ChatBotKit.Benchmarks;

/// <summary>
/// Events through the engine: 100,000 messages over 100 channels with the default bot (one in
/// twenty mentions it), and messages that fire no trigger in one channel (allocations per event).
/// Each operation is one event, posted and fully handled: the queues are large enough that
/// nothing is dropped, and a run that drops anything fails.
/// </summary>
[MemoryDiagnoser]
public class EngineThroughputBenchmarks
{
    private const int Events = 100_000;
    private readonly SinkSource _source = new();
    private MessageReceived[] _traffic = [];
    private MessageReceived[] _quiet = [];
    private ChatBotEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _traffic = BenchBot.Traffic(Events, channels: 100, mentionEvery: 20);
        _quiet = BenchBot.Traffic(Events, channels: 1, mentionEvery: 0);
        _engine = new ChatBotEngine(BenchBot.Definition(new InstantChatClient(), queueCapacity: Events));
    }

    [IterationCleanup]
    public void NothingDropped()
    {
        var dropped = _engine.GetChannels().Sum(c => c.Dropped);
        if (dropped > 0)
        {
            throw new InvalidOperationException($"{dropped} events were dropped: the run measured dropping, not handling.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Events)]
    public Task HundredChannels_DefaultBot() => PostAll(_traffic);

    [Benchmark(OperationsPerInvoke = Events)]
    public Task OneChannel_NoTriggerFires() => PostAll(_quiet);

    private Task PostAll(MessageReceived[] events)
    {
        foreach (var chatEvent in events)
        {
            _engine.Post(chatEvent, _source);
        }

        return _engine.WhenIdleAsync();
    }
}
