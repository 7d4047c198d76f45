using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Nats.Bus;
using ChatBotKit.Nats.Tests.Fixtures;
using ChatBotKit.RateLimiting;
using Fakes = ChatBotKit.Tests.Fakes;

namespace ChatBotKit.Nats.Tests.Bus;

/// <summary>One ingest, two workers in a queue group over a real nats-server; one worker dies, the other carries on.</summary>
[Collection(NatsServerGroup.Name)]
public sealed class ChatBusScaleOutTests(NatsServerFixture fixture)
{
    [Fact]
    public async Task TwoWorkers_ShareTheLoad_AndOneCarriesOnWhenTheOtherDies()
    {
        var subjects = new ChatBusSubjects($"t{Guid.NewGuid():N}.events", $"t{Guid.NewGuid():N}.commands");
        using var stop = new CancellationTokenSource();
        var platform = new Fakes.FakeChatSource(ChatPlatform.Twitch);
        await platform.ConnectAsync();
        await using var ingestNats = await fixture.ConnectAsync();
        var ingest = new ChatBusIngest(ingestNats, platform, subjects);
        var ingestRun = ingest.RunAsync(stop.Token);
        var a = await Worker.StartAsync(fixture, subjects, "A");
        await using var b = await Worker.StartAsync(fixture, subjects, "B");
        await ingestNats.PingAsync();

        for (var i = 0; i < 40; i++)
        {
            platform.Push(Fakes.Events.Message($"viewer{i}", $"!who {i}", channel: $"room{i % 4}"));
        }

        var first = await platform.WaitForSentAsync(40, Wait.Patience);
        first.Select(m => m.Text.Split(' ')[1]).Should().BeEquivalentTo(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        first.Should().Contain(m => m.Text.StartsWith("A ", StringComparison.Ordinal)).And.Contain(m => m.Text.StartsWith("B ", StringComparison.Ordinal));
        first.Should().OnlyContain(m => m.Channel.StartsWith("room", StringComparison.Ordinal));

        await a.DisposeAsync();
        for (var i = 40; i < 60; i++)
        {
            platform.Push(Fakes.Events.Message($"viewer{i}", $"!who {i}", channel: $"room{i % 4}"));
        }

        var all = await platform.WaitForSentAsync(60, Wait.Patience);
        all.Skip(40).Should().OnlyContain(m => m.Text.StartsWith("B ", StringComparison.Ordinal)).And.HaveCount(20);
        ingest.Published.Should().Be(60);
        await stop.CancelAsync();
        await ingestRun.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private sealed class Worker : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private NatsConnection? _nats;
        private ChatBusSource? _source;
        private ChatBotEngine? _engine;
        private Task? _run;

        public static async Task<Worker> StartAsync(NatsServerFixture fixture, ChatBusSubjects subjects, string name)
        {
            var worker = new Worker { _nats = await fixture.ConnectAsync() };
            worker._source = new ChatBusSource(worker._nats, subjects);
            await worker._source.ConnectAsync();
            var bot = new ChatBotBuilder().WithName("kit").WithRateLimits(RateLimitPolicy.Unlimited);
            bot.OnCommand("who", ctx => $"{name} {ctx.Command?.ArgumentText}");
            worker._engine = new ChatBotEngine(bot.Build());
            worker._run = worker._engine.RunAsync([worker._source], worker._stop.Token);
            return worker;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run!.ContinueWith(_ => { }, TaskScheduler.Default);
            await _engine!.DisposeAsync();
            await _source!.DisposeAsync();
            await _nats!.DisposeAsync();
            _stop.Dispose();
        }
    }
}
