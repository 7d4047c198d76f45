using System.Text.RegularExpressions;

namespace ChatBotKit.Cli.Tests;

public sealed class RunCommandTests(WarmCompiler warm) : IClassFixture<WarmCompiler>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streambot-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private string Script(string transcript, string log) =>
        $$"""
        Bot.WithName("kit").OnCommand("dice", ctx => "rolled");
        Bot.AddSource(new ChatSourceRegistration("recorded", @"{{log}}", ctx =>
            new ReplayChatSource(@"{{log}}", new ReplayChatSourceOptions
            {
                Transcript = new System.IO.StreamWriter(@"{{transcript}}", append: true) { AutoFlush = true },
                LoggerFactory = ctx.LoggerFactory,
            })));
        """;

    [Fact]
    public async Task Run_DeclaredSource_OpensItRepliesThroughItAndExitsZeroOnCancel()
    {
        var log = Path("chat.jsonl");
        var transcript = Path("out.jsonl");
        File.WriteAllText(log, """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!dice","id":"m1"}""" + "\n");
        var script = Path("bot.csx");
        File.WriteAllText(script, Script(transcript, log));
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = StreambotApp.RunAsync(["run", script, "--no-watch", "--http", "127.0.0.1:0"], new CliStreams(new StringReader(""), new StringWriter(), error), warm.Compiler, stop.Token);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!File.Exists(transcript) || !File.ReadAllText(transcript).Contains("rolled", StringComparison.Ordinal))
            {
                run.IsCompleted.Should().BeFalse(because: error.ToString());
                await Task.Delay(20, timeout.Token);
            }
        }

        var health = Regex.Match(error.ToString(), @"serving (\S+)").Groups[1].Value;
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(health));
        await stop.CancelAsync();
        (await run).Should().Be(0);
        json.Should().Contain("\"name\":\"recorded\"").And.Contain("\"generation\":1");
        File.ReadAllText(transcript).Should().Contain("\"replyTo\":\"m1\"");
        error.ToString().Should().Contain("kit is running on recorded").And.Contain("stopping kit");
    }

    [Fact]
    public async Task Replay_WithHttpNotHostPort_IsAUsageError()
    {
        var error = new StringWriter();
        var script = Path("bot.csx");
        File.WriteAllText(script, "Bot.WithName(\"kit\");");
        var log = Path("chat.jsonl");
        File.WriteAllText(log, "");

        var code = await StreambotApp.RunAsync(["replay", script, log, "--http", "8080"], new CliStreams(new StringReader(""), new StringWriter(), error), warm.Compiler);

        code.Should().Be(2);
        error.ToString().Should().Contain("--http: '8080' is not host:port");
    }

    [Fact]
    public async Task Run_SourceThatCannotConnect_SaysSoAndKeepsRunning()
    {
        var script = Path("bot.csx");
        File.WriteAllText(script, """
            Bot.WithName("kit");
            Bot.AddSource(new ChatSourceRegistration("broken", "x", ctx => throw new System.InvalidOperationException("no route")));
            """);
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = StreambotApp.RunAsync(["run", script, "--no-watch", "--http", "off"], new CliStreams(new StringReader(""), new StringWriter(), error), warm.Compiler, stop.Token);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!error.ToString().Contains("could not connect", StringComparison.Ordinal))
            {
                run.IsCompleted.Should().BeFalse(because: error.ToString());
                await Task.Delay(20, timeout.Token);
            }
        }

        await stop.CancelAsync();
        (await run).Should().Be(0);
        error.ToString().Should().Contain("source 'broken' could not connect");
    }
}
