using ChatBotKit.CyTube;
using ChatBotKit.Engine;
using ChatBotKit.Nats.Tests.Fixtures;
using ChatBotKit.Scripting;
using ChatBotKit.Sources;

namespace ChatBotKit.CyTube.Tests;

/// <summary>scripts/examples/cytube.csx compiled by the script host and run against a real NATS server with a fake Kryten.</summary>
[Collection(NatsServerGroup.Name)]
public sealed class CyTubeScriptTests(NatsServerFixture fixture)
{
    private static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "scripts", "cytube.csx");

    [Fact]
    public async Task CytubeCsx_DiceChatMsgFromKryten_SaysRollThroughRobotCommand()
    {
        var channel = "Lounge" + Guid.NewGuid().ToString("N")[..6];
        var environment = new Dictionary<string, string>
        {
            ["NATS_URL"] = fixture.Server.Url.ToString(),
            ["CYTUBE_CHANNEL"] = channel,
            ["CYTUBE_DOMAIN"] = "cytu.be",
        };
        var host = new ScriptHost(new ScriptCompiler(), new ScriptHostOptions { Environment = environment.GetValueOrDefault });
        using var generation = await host.LoadAsync(ScriptPath);
        var registration = generation.Definition.Sources.Should().ContainSingle().Subject;
        registration.Settings.Should().BeOfType<CyTubeOptions>().Which.Subjects.Should().Be(CyTubeSubjects.Kryten);
        registration.Channels.Should().Equal(channel);
        await using var kryten = await FakeKryten.StartAsync(fixture.Server.Url);
        await using var source = registration.Create(new ChatSourceContext { Channels = registration.Channels });
        await source.ConnectAsync();
        var decisions = new DecisionLog();
        using var llm = new ChatBotKit.Tests.Fakes.FakeChatClient("doing great, thanks");
        await using var engine = new ChatBotEngine(generation.Definition, new ChatBotEngineOptions { RandomSeed = 1, ChatClient = llm, DecisionListeners = [decisions] });
        using var stop = new CancellationTokenSource();
        var run = new ChatSourceRunner(engine).RunAsync([source], stop.Token);

        await kryten.PublishEventAsync(channel, "chatMsg", $$"""{"username":"alice","msg":"!dice","meta":{},"time":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""");

        var command = await NextCommandAsync(kryten, channel, decisions);
        command.GetProperty("command").GetString().Should().Be("say");
        command.GetProperty("args").GetProperty("message").GetString().Should().MatchRegex("^🎲 [1-6]$");
        command.GetProperty("meta").GetProperty("channel").GetString().Should().Be(channel);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the script keeps replies at least 1 s apart, as CyTube's antiflood wants
        await kryten.PublishEventAsync(channel, "chatMsg", $$"""{"username":"bob","msg":"hey kit, how are you?","meta":{},"time":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""");
        var mention = await NextCommandAsync(kryten, channel, decisions);
        mention.GetProperty("command").GetString().Should().Be("say");
        mention.GetProperty("args").GetProperty("message").GetString().Should().Contain("doing great, thanks");
        llm.Requests.Should().ContainSingle();
        await stop.CancelAsync();
        await run.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task CytubeCsx_SeedPresetFromEnvironment_UsesSeedSubjects()
    {
        var environment = new Dictionary<string, string> { ["CYTUBE_SUBJECTS"] = "seed001", ["NATS_URL"] = "nats://10.0.0.1:4222" };
        var host = new ScriptHost(new ScriptCompiler(), new ScriptHostOptions { Environment = environment.GetValueOrDefault });

        using var generation = await host.LoadAsync(ScriptPath);

        var options = generation.Definition.Sources.Single().Settings.Should().BeOfType<CyTubeOptions>().Subject;
        options.Subjects.Should().Be(CyTubeSubjects.Seed001);
        options.Nats.Servers.Should().Equal(new Uri("nats://10.0.0.1:4222"));
        generation.Definition.Sources.Single().Channels.Should().Equal("lounge");
    }

    // Says what the engine decided when no command arrives, instead of a bare timeout.
    private static async Task<System.Text.Json.JsonElement> NextCommandAsync(FakeKryten kryten, string channel, DecisionLog decisions)
    {
        try
        {
            return await kryten.NextCommandAsync(channel);
        }
        catch (OperationCanceledException ex)
        {
            throw new InvalidOperationException("No robot command arrived; engine decisions: " + decisions, ex);
        }
    }
}
