using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Nats.Bus;
using ChatBotKit.Nats.Tests.Fixtures;
using ChatBotKit.RateLimiting;
using NATS.Client.Core;
using Fakes = ChatBotKit.Tests.Fakes;

namespace ChatBotKit.Nats.Tests.Bus;

/// <summary>One ingest, two workers in a queue group over a real nats-server; one worker dies, the other carries on.</summary>
[Collection(NatsServerGroup.Name)]
public sealed class ChatBusScaleOutTests(NatsServerFixture fixture)
{
    [Fact]
    public async Task TwoWorkers_ShareTheLoad_AndOneCarriesOnWhenTheOtherDies()
    {
        await using var bus = await Bus.StartAsync(fixture);
        var a = await Worker.StartAsync(fixture, bus.Subjects, "A");
        await using var b = await Worker.StartAsync(fixture, bus.Subjects, "B");
        await bus.Nats.PingAsync();

        bus.Ask(0, 40);
        var first = await bus.Platform.WaitForSentAsync(40, Wait.Patience);
        first.Select(m => m.Text.Split(' ')[1]).Should().BeEquivalentTo(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        first.Should().Contain(m => m.Text.StartsWith("A ", StringComparison.Ordinal)).And.Contain(m => m.Text.StartsWith("B ", StringComparison.Ordinal));
        first.Should().OnlyContain(m => m.Channel.StartsWith("room", StringComparison.Ordinal));

        await a.DisposeAsync();
        bus.Ask(40, 60);
        var all = await bus.Platform.WaitForSentAsync(60, Wait.Patience);
        all.Skip(40).Should().OnlyContain(m => m.Text.StartsWith("B ", StringComparison.Ordinal)).And.HaveCount(20);
        bus.Ingest.Published.Should().Be(60);
    }

    [Fact]
    public async Task TwoWorkers_OneStopsReading_TheOtherGetsEveryEventWhileTheFirstStillRuns()
    {
        await using var bus = await Bus.StartAsync(fixture);
        await using var a = await Worker.StartAsync(fixture, bus.Subjects, "A");
        await using var b = await Worker.StartAsync(fixture, bus.Subjects, "B");
        await bus.Nats.PingAsync();

        await a.StopReadingAsync();
        bus.Ask(0, 20);

        var sent = await bus.Platform.WaitForSentAsync(20, Wait.Patience);
        sent.Should().OnlyContain(m => m.Text.StartsWith("B ", StringComparison.Ordinal), "A left the queue group when it stopped reading, before its source was disposed");
    }

    /// <summary>The platform side: a fake source whose viewers ask <c>!who</c>, and the ingest that publishes them.</summary>
    private sealed class Bus : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task? _run;

        public ChatBusSubjects Subjects { get; } = new($"t{Guid.NewGuid():N}.events", $"t{Guid.NewGuid():N}.commands");

        public Fakes.FakeChatSource Platform { get; } = new(ChatPlatform.Twitch);

        public NatsConnection Nats { get; private set; } = null!;

        public ChatBusIngest Ingest { get; private set; } = null!;

        public static async Task<Bus> StartAsync(NatsServerFixture fixture)
        {
            var bus = new Bus();
            await bus.Platform.ConnectAsync();
            bus.Nats = await fixture.ConnectAsync();
            bus.Ingest = new ChatBusIngest(bus.Nats, bus.Platform, bus.Subjects);
            bus._run = bus.Ingest.RunAsync(bus._stop.Token);
            return bus;
        }

        /// <summary>Viewers <paramref name="from"/> up to <paramref name="to"/> each ask <c>!who</c> in one of four rooms.</summary>
        public void Ask(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                Platform.Push(Fakes.Events.Message($"viewer{i}", $"!who {i}", channel: $"room{i % 4}"));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run!.ContinueWith(_ => { }, TaskScheduler.Default);
            await Nats.DisposeAsync();
            _stop.Dispose();
        }
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
            worker._run = new ChatSourceRunner(worker._engine).RunAsync([worker._source], worker._stop.Token);
            return worker;
        }

        /// <summary>Stops the worker's engine, and so its reading; its source and connection stay open.</summary>
        public async Task StopReadingAsync()
        {
            await _stop.CancelAsync();
            await _run!.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        public async ValueTask DisposeAsync()
        {
            await StopReadingAsync();
            await _engine!.DisposeAsync();
            await _source!.DisposeAsync();
            await _nats!.DisposeAsync();
            _stop.Dispose();
        }
    }
}
