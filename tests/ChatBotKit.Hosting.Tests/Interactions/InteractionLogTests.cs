using System.Text.Json;
using ChatBotKit.Engine;
using ChatBotKit.Hosting.Interactions;
using ChatBotKit.Hosting.Metrics;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests.Interactions;

/// <summary>The interaction log: each reply with the engagement chat showed within the window, in daily JSONL files and metrics.</summary>
public sealed class InteractionLogTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interactions-").FullName;
    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly FakeChatSource _source = new();
    private readonly DecisionCounter _decisions = new();
    private IHost? _host;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddChatBot(b => b.WithName("kit").OnCommand("dice", _ => "rolled a 4")
                .AddSource(new ChatSourceRegistration("fake", "settings", _ => _source) { Channels = ["c"] }))
            .WithInteractionLog(new InteractionLogOptions { Directory = _folder, RetentionDays = 2 });
        builder.Services.AddSingleton<IChatBotDecisionTap>(_decisions);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await Task.CompletedTask;
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reply_ChatReactsWithinTheWindow_LineRecordsEachSignalAndCountsEngaged()
    {
        await SayAsync(Message("alice", "!dice", id: "m1"));
        await SayAsync(Message("bob", "LUL 😂"));
        await SayAsync(Message("carol", "nice one alice"));
        await SayAsync(Message("alice", "thanks kit"));

        var exporter = _host!.Services.GetRequiredService<PrometheusExporter>();
        _host.Services.GetRequiredService<InteractionRecorder>().Sweep(DateTimeOffset.MaxValue);
        var metrics = exporter.Scrape();
        await _host.StopAsync();
        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "interactions-2026-03-01.jsonl"));

        lines.Should().ContainSingle();
        using var json = JsonDocument.Parse(lines[0]);
        var root = json.RootElement;
        root.GetProperty("trigger").GetString().Should().Be("dice");
        root.GetProperty("event").GetProperty("user").GetString().Should().Be("alice");
        root.GetProperty("replies")[0].GetString().Should().Be("rolled a 4");
        var engagement = root.GetProperty("engagement");
        engagement.GetProperty("viewerAnswered").GetBoolean().Should().BeTrue();
        engagement.GetProperty("othersAnswered").GetInt32().Should().Be(1);
        engagement.GetProperty("botMentioned").GetBoolean().Should().BeTrue();
        engagement.GetProperty("reactions").GetInt32().Should().Be(1);
        engagement.GetProperty("engaged").GetBoolean().Should().BeTrue();
        metrics.Should().Contain("chatbotkit_interactions_total{channel=\"c\",engaged=\"true\",trigger=\"dice\"} 1");
    }

    [Fact]
    public async Task Reply_ChatSpeaksOnlyAfterTheWindow_IsNotEngaged()
    {
        await SayAsync(Message("alice", "!dice"));
        _clock.Advance(TimeSpan.FromSeconds(61));
        await SayAsync(Message("alice", "haha thanks kit"));

        await _host!.StopAsync();
        var line = (await File.ReadAllLinesAsync(Path.Combine(_folder, "interactions-2026-03-01.jsonl"))).Single();

        line.Should().Contain("\"engaged\":false");
    }

    [Fact]
    public async Task NewDay_FilesOlderThanRetention_AreDeleted()
    {
        var old = Path.Combine(_folder, "interactions-2026-02-20.jsonl");
        var recent = Path.Combine(_folder, "interactions-2026-02-28.jsonl");
        await File.WriteAllTextAsync(old, "");
        await File.WriteAllTextAsync(recent, "");

        await SayAsync(Message("alice", "!dice"));
        await _host!.StopAsync();

        File.Exists(old).Should().BeFalse();
        File.Exists(recent).Should().BeTrue();
        File.Exists(Path.Combine(_folder, "interactions-2026-03-01.jsonl")).Should().BeTrue();
    }

    private async Task SayAsync(Events.ChatEvent chatEvent)
    {
        var before = _decisions.Count;
        _source.Push(chatEvent);
        await _decisions.WaitForAsync(before + 1);
    }

    private sealed class DecisionCounter : IChatBotDecisionTap, IDecisionListener
    {
        private readonly SemaphoreSlim _decided = new(0);
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public IDecisionListener For(string bot) => this;

        public void OnDecision(in ChatDecision decision)
        {
            Interlocked.Increment(ref _count);
            _decided.Release();
        }

        public async Task WaitForAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Count < count)
            {
                await _decided.WaitAsync(timeout.Token);
            }
        }
    }
}
