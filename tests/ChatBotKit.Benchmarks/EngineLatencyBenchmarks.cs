using BenchmarkDotNet.Attributes;
using ChatBotKit.Engine;
using ChatBotKit.Events;

namespace ChatBotKit.Benchmarks;

/// <summary>
/// One event in, one reply out: a mention posted to the engine until the source's send is
/// called and the reply has finished, with an instant LLM, the standard filters and no rate limits.
/// </summary>
[MemoryDiagnoser]
public class EngineLatencyBenchmarks
{
    private readonly SinkSource _source = new();
    private readonly SemaphoreSlim _sent = new(0);
    private MessageReceived[] _mentions = [];
    private ChatBotEngine _engine = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _mentions = BenchBot.Traffic(1000, channels: 1, mentionEvery: 1);
        _source.Sent = _ => _sent.Release();
        _engine = new ChatBotEngine(BenchBot.Definition(new InstantChatClient(), unlimited: true));
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task MentionToSend()
    {
        _engine.Post(_mentions[_next++ % _mentions.Length], _source);
        await _sent.WaitAsync();
        await _engine.WhenIdleAsync();
    }
}
