using BenchmarkDotNet.Attributes;
using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Hosting.AspNetCore.Dashboard;

namespace ChatBotKit.Benchmarks;

/// <summary>
/// The engine's throughput with a dashboard browser attached to the decision stream against without:
/// 100,000 messages over 100 channels with the default bot, each decision rendered as the live log's
/// HTML row by a reader on its own task, as the Server-Sent Events stream does.
/// </summary>
[MemoryDiagnoser]
public class DashboardThroughputBenchmarks
{
    private const int Events = 100_000;
    private readonly SinkSource _source = new();
    private MessageReceived[] _traffic = [];
    private ChatBotEngine _plain = null!;
    private ChatBotEngine _watched = null!;
    private DashboardFeed _feed = null!;
    private DashboardSubscription _browser = null!;
    private Task _reading = Task.CompletedTask;

    [GlobalSetup]
    public void Setup()
    {
        _traffic = BenchBot.Traffic(Events, channels: 100, mentionEvery: 20);
        _plain = new ChatBotEngine(BenchBot.Definition(new InstantChatClient(), queueCapacity: Events));
        _feed = new DashboardFeed(clientBuffer: 256, meterFactory: null);
        _watched = new ChatBotEngine(BenchBot.Definition(new InstantChatClient(), queueCapacity: Events), new ChatBotEngineOptions { DecisionListeners = [_feed.For("bench")] });
        _browser = _feed.Subscribe();
        _reading = Task.Run(async () =>
        {
            await foreach (var line in _browser.Lines.ReadAllAsync())
            {
                _ = LogView.DecisionRow(line);
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _browser.Dispose();
        _reading.GetAwaiter().GetResult();
        _plain.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _watched.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _feed.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public Task WithoutDashboard() => PostAll(_plain);

    [Benchmark(OperationsPerInvoke = Events)]
    public Task WithDashboardBrowser() => PostAll(_watched);

    private Task PostAll(ChatBotEngine engine)
    {
        foreach (var chatEvent in _traffic)
        {
            engine.Post(chatEvent, _source);
        }

        return engine.WhenIdleAsync();
    }
}
