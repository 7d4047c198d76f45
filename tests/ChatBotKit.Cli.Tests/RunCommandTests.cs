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

    private static async Task WaitForAsync(Func<bool> condition, Task<int> run, StringWriter error)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            run.IsCompleted.Should().BeFalse(because: error.ToString());
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Starts <c>streambot run</c> on a recorded source that asks for <c>!dice</c>, and waits for the reply.</summary>
    private async Task<(Task<int> Run, StringWriter Error, string Script, string Transcript)> RunUntilRolledAsync(bool watch, CancellationToken stop, string extra = "", params string[] options)
    {
        var log = Path("chat.jsonl");
        var transcript = Path("out.jsonl");
        File.WriteAllText(log, """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!dice","id":"m1"}""" + "\n" + """{"ts":"2026-01-01T20:00:01Z","user":"eve","text":"hi @kit","id":"m2"}""" + "\n");
        var script = Path("bot.csx");
        File.WriteAllText(script, Script(transcript, log) + extra);
        var error = new StringWriter();
        string[] args = [.. (watch ? ["run", script] : new[] { "run", script, "--no-watch" }), "--http", "127.0.0.1:0", .. options];
        var run = StreambotApp.RunAsync(args, new CliStreams(new StringReader(""), new StringWriter(), error), warm.Compiler, stop);
        await WaitForAsync(() => File.Exists(transcript) && File.ReadAllText(transcript).Contains("rolled", StringComparison.Ordinal), run, error);
        return (run, error, script, transcript);
    }

    /// <summary>Reads <c>/metrics</c> until it holds <paramref name="family"/>.</summary>
    private static async Task<string> ScrapeUntilAsync(StringWriter error, Task<int> run, string family)
    {
        var metrics = Regex.Match(error.ToString(), @"serving \S+health and (\S+)").Groups[1].Value;
        using var http = new HttpClient();
        var text = "";
        await WaitForAsync(() => (text = http.GetStringAsync(new Uri(metrics)).GetAwaiter().GetResult()).Contains(family, StringComparison.Ordinal), run, error);
        return text;
    }

    [Fact]
    public async Task Run_DeclaredSource_OpensItRepliesThroughItAndExitsZeroOnCancel()
    {
        using var stop = new CancellationTokenSource();

        var (run, error, _, transcript) = await RunUntilRolledAsync(watch: false, stop.Token);

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
    public async Task Run_Stopped_RunsTheStopHooksOnce()
    {
        using var stop = new CancellationTokenSource();
        var stops = Path("stops.txt");
        var (run, _, _, _) = await RunUntilRolledAsync(watch: false, stop.Token, $$"""

            OnStop(() => System.IO.File.AppendAllText(@"{{stops}}", "stopped\n"));
            """);

        await stop.CancelAsync();
        (await run).Should().Be(0);

        File.ReadAllText(stops).Should().Be("stopped\n");
    }

    [Fact]
    public async Task Run_WithLlm_ItsCallsShowInTheMetrics()
    {
        using var stop = new CancellationTokenSource();
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var (run, error, _, _) = await RunUntilRolledAsync(watch: false, stop.Token, "\nBot.WithRateLimits(RateLimitPolicy.Unlimited).OnMention();\n", "--llm", $"http://127.0.0.1:{port}/v1", "--model", "m");
        var text = await ScrapeUntilAsync(error, run, "chatbotkit_llm_failures_total");
        await stop.CancelAsync();
        (await run).Should().Be(0);

        text.Should().MatchRegex(@"chatbotkit_llm_requests_total\{[^}]*model=""m""[^}]*\} 1").And.MatchRegex(@"chatbotkit_llm_failures_total\{[^}]*kind=""unreachable""[^}]*\} 1");
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
        await WaitForAsync(() => error.ToString().Contains("could not connect", StringComparison.Ordinal), run, error);

        await stop.CancelAsync();
        (await run).Should().Be(0);
        error.ToString().Should().Contain("source 'broken' could not connect");
    }

    [Fact]
    public async Task Run_ScriptSaves_AreCountedInTheMetricsByOutcome()
    {
        using var stop = new CancellationTokenSource();
        var (run, error, script, _) = await RunUntilRolledAsync(watch: true, stop.Token);
        var good = File.ReadAllText(script);

        File.WriteAllText(script, "Bot.WithName(\"kit\")\nint x = ;\n");
        await WaitForAsync(() => error.ToString().Contains("bot.csx has errors", StringComparison.Ordinal), run, error);
        File.WriteAllText(script, good + "\nBot.OnCommand(\"coin\", ctx => \"heads\");\n");
        await WaitForAsync(() => error.ToString().Contains("reloaded bot.csx (version 2", StringComparison.Ordinal), run, error);

        // A save can reach the watcher as two changes; each is one reload at least.
        var text = await ScrapeUntilAsync(error, run, "chatbotkit_reloads_total{outcome=\"succeeded\"}");
        await stop.CancelAsync();
        (await run).Should().Be(0);
        text.Should().MatchRegex(@"chatbotkit_reloads_total\{outcome=""rejected""\} [1-9]").And.MatchRegex(@"chatbotkit_reloads_total\{outcome=""succeeded""\} [1-9]");
    }
}
