using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatBotKit.Cli.Tests;

/// <summary>Starts the built streambot as a child process and signals it with <c>kill</c>.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streambot-signal-").FullName;
    private readonly StringBuilder _error = new();
    private readonly StringBuilder _output = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private string Source(string name) =>
        $$"""
        Bot.AddSource(new ChatSourceRegistration("{{name}}", "{{name}}", ctx =>
        {
            System.IO.File.AppendAllText(@"{{Path("created.txt")}}", "{{name}}\n");
            return new ReplayChatSource(@"{{Path(name + ".jsonl")}}", new ReplayChatSourceOptions
            {
                Transcript = new System.IO.StreamWriter(@"{{Path(name + ".out")}}", append: true) { AutoFlush = true },
            });
        }));
        """;

    private Process Start(string script, string http = "off", string command = "run")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in new[] { System.IO.Path.Combine(AppContext.BaseDirectory, "streambot.dll"), command, script, "--no-watch", "--http", http })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_error)
            {
                _error.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.OutputDataReceived += (_, e) =>
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task KillAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {process.Id}");
        await kill.WaitForExitAsync();
    }

    private async Task WaitForAsync(Func<bool> condition, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            process.HasExited.Should().BeFalse(because: _error.ToString());
            DateTime.UtcNow.Should().BeBefore(deadline, because: _error.ToString());
            await Task.Delay(50);
        }
    }

    /// <summary>Reads the process's <c>/metrics</c> until it holds <paramref name="family"/>.</summary>
    private async Task<string> ScrapeUntilAsync(string family, Process process)
    {
        string status;
        lock (_error)
        {
            status = _error.ToString();
        }

        using var http = new HttpClient();
        var metrics = new Uri(Regex.Match(status, @"serving \S+health and (\S+)").Groups[1].Value);
        var text = "";
        await WaitForAsync(() => (text = http.GetStringAsync(metrics).GetAwaiter().GetResult()).Contains(family, StringComparison.Ordinal), process);
        return text;
    }

    private string Read(string name) => File.Exists(Path(name)) ? File.ReadAllText(Path(name)) : "";

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Run_Signal_StopsGracefullyWithExitZero(string signal)
    {
        File.WriteAllText(Path("a.jsonl"), """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!dice","id":"m1"}""" + "\n");
        var script = Path("bot.csx");
        File.WriteAllText(script, "Bot.WithName(\"kit\").WithRateLimits(RateLimitPolicy.Unlimited).OnCommand(\"dice\", ctx => \"rolled\");\n" + Source("a"));
        using var process = Start(script);
        await WaitForAsync(() => Read("a.out").Contains("rolled", StringComparison.Ordinal), process);

        await KillAsync(process, signal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(35));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(0, because: _error.ToString());
        _error.ToString().Should().Contain("stopping kit");
    }

    [Fact]
    public async Task Run_Hangup_ReloadsTheScriptKeepsTheUnchangedSourceAndOpensTheNewOne()
    {
        File.WriteAllText(Path("a.jsonl"), """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!dice","id":"m1"}""" + "\n");
        File.WriteAllText(Path("b.jsonl"), """{"ts":"2026-01-01T20:00:00Z","user":"eve","text":"!dice","id":"m2"}""" + "\n");
        var script = Path("bot.csx");
        File.WriteAllText(script, "Bot.WithName(\"kit\").WithRateLimits(RateLimitPolicy.Unlimited).OnCommand(\"dice\", ctx => \"rolled\");\n" + Source("a"));
        using var process = Start(script);
        await WaitForAsync(() => Read("a.out").Contains("rolled", StringComparison.Ordinal), process);

        File.WriteAllText(script, "Bot.WithName(\"kit\").WithRateLimits(RateLimitPolicy.Unlimited).OnCommand(\"dice\", ctx => \"rolled again\");\n" + Source("a") + Source("b"));
        await KillAsync(process, "HUP");
        await WaitForAsync(() => Read("b.out").Contains("rolled again", StringComparison.Ordinal), process);
        await KillAsync(process, "TERM");
        await process.WaitForExitAsync();

        Read("created.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("a", "b");
        _error.ToString().Should().Contain("reloaded bot.csx (version 2, sources: a, b)");
        process.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Run_Term_WaitsForRepliesInFlightNoLongerThanTheShutdownTimeoutAndIgnoresSighupMeanwhile()
    {
        File.WriteAllText(Path("a.jsonl"), """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!slow","id":"m1"}""" + "\n");
        File.WriteAllText(Path("bot.yaml"), "ChatBotKit:\n  ShutdownTimeout: 00:00:02\n");
        var script = Path("bot.csx");
        var started = Path("started.txt");
        File.WriteAllText(script, $$"""
            Bot.WithName("kit").WithRateLimits(RateLimitPolicy.Unlimited).WithHandlerTimeout(TimeSpan.FromSeconds(25)).OnCommand("slow", ctx =>
            {
                System.IO.File.WriteAllText(@"{{started}}", "");
                System.Threading.Thread.Sleep(20_000);
                return "done";
            });

            """ + Source("a"));
        using var process = Start(script);
        await WaitForAsync(() => File.Exists(started), process);

        var stopping = Stopwatch.StartNew();
        await KillAsync(process, "TERM");
        await WaitForAsync(() => _error.ToString().Contains("stopping kit", StringComparison.Ordinal), process);
        await KillAsync(process, "HUP");
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, "a SIGHUP while the bot stops is ignored");
        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the reply in flight is given up after 2 s, not after the handler's 20 s");
    }

    [Fact]
    public async Task Run_HangupWithoutSourcesOrWatching_ReloadsInsteadOfEnding()
    {
        var script = Path("bot.csx");
        File.WriteAllText(script, "Bot.WithName(\"kit\").OnCommand(\"dice\", ctx => \"rolled\");\n");
        using var process = Start(script);
        await WaitForAsync(() => _error.ToString().Contains("on the console (no source declared)", StringComparison.Ordinal), process);

        File.WriteAllText(script, "Bot.WithName(\"kit\").OnCommand(\"dice\", ctx => \"rolled\").OnCommand(\"coin\", ctx => \"heads\");\n" + Source("a"));
        await KillAsync(process, "HUP");
        await WaitForAsync(() => _error.ToString().Contains("reloaded bot.csx (version 2", StringComparison.Ordinal), process);
        await process.StandardInput.WriteLineAsync("bob: !coin");
        await WaitForAsync(() => _output.ToString().Contains("kit: heads", StringComparison.Ordinal), process);
        await KillAsync(process, "TERM");
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0);
        _error.ToString().Should().Contain("it now declares sources: restart 'run' to open them");
        File.Exists(Path("created.txt")).Should().BeFalse("a source declared by a reload of a console run is not opened");
    }

    [Fact]
    public async Task Run_HangupWithScriptErrors_KeepsTheConfigurationTheRunningBotReads()
    {
        File.WriteAllText(Path("bot.yaml"), "Dice:\n  Reply: one\n");
        var script = Path("bot.csx");
        var bot = "Bot.WithName(\"kit\").OnCommand(\"dice\", ctx => Config[\"Dice:Reply\"]);\n";
        File.WriteAllText(script, bot);
        using var process = Start(script);
        await WaitForAsync(() => _error.ToString().Contains("on the console (no source declared)", StringComparison.Ordinal), process);

        File.WriteAllText(Path("bot.yaml"), "Dice:\n  Reply: two\n");
        File.WriteAllText(script, bot + "this is not C#\n");
        await KillAsync(process, "HUP");
        await WaitForAsync(() => _error.ToString().Contains("bot.csx has errors", StringComparison.Ordinal), process);
        await process.StandardInput.WriteLineAsync("bob: !dice");
        await WaitForAsync(() => _output.ToString().Contains("kit: one", StringComparison.Ordinal), process);
        await KillAsync(process, "TERM");
        await process.WaitForExitAsync();

        _output.ToString().Should().NotContain("kit: two");
        _error.ToString().Should().NotContain("reloaded the configuration", "the reload did not take effect");
    }

    [Fact]
    public async Task Chat_HangupWithoutWatching_EndsTheProcessAsAnyProgram()
    {
        var script = Path("bot.csx");
        File.WriteAllText(script, "Bot.WithName(\"kit\").OnCommand(\"dice\", ctx => \"rolled\");\n");
        using var process = Start(script, command: "chat");
        await WaitForAsync(() => _error.ToString().Contains("listening on the console", StringComparison.Ordinal), process);

        await KillAsync(process, "HUP");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        process.ExitCode.Should().Be(128 + 1, "SIGHUP's default action ends the process");
        _error.ToString().Should().NotContain("reloaded");
    }

    [Fact]
    public async Task Run_Hangup_BadConfigurationKeepsTheOldOneAndAGoodOneReachesTheReloadedScript()
    {
        File.WriteAllText(Path("a.jsonl"), """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!dice","id":"m1"}""" + "\n");
        File.WriteAllText(Path("b.jsonl"), """{"ts":"2026-01-01T20:00:00Z","user":"eve","text":"!dice","id":"m2"}""" + "\n");
        File.WriteAllText(Path("bot.yaml"), "Dice:\n  Reply: one\n");
        var script = Path("bot.csx");
        var bot = "Bot.WithName(\"kit\").WithRateLimits(RateLimitPolicy.Unlimited).OnCommand(\"dice\", ctx => Config[\"Dice:Reply\"]);\n";
        File.WriteAllText(script, bot + Source("a"));
        using var process = Start(script, http: "127.0.0.1:0");
        await WaitForAsync(() => Read("a.out").Contains("one", StringComparison.Ordinal), process);

        File.WriteAllText(Path("bot.yaml"), "Dice:\n  Reply: two\nChatBotKit:\n  ShutdownTimeout: forever\n");
        await KillAsync(process, "HUP");
        await WaitForAsync(() => _error.ToString().Contains("keeps its previous configuration", StringComparison.Ordinal), process);
        File.WriteAllText(Path("bot.yaml"), "Dice:\n  Reply: three\n");
        File.WriteAllText(script, bot + Source("a") + Source("b"));
        await KillAsync(process, "HUP");
        await WaitForAsync(() => Read("b.out").Contains("three", StringComparison.Ordinal), process);
        var metrics = await ScrapeUntilAsync("chatbotkit_reloads_total{outcome=\"succeeded\"}", process);
        await KillAsync(process, "TERM");
        await process.WaitForExitAsync();

        metrics.Should().Contain("chatbotkit_reloads_total{outcome=\"rejected\"} 1").And.Contain("chatbotkit_reloads_total{outcome=\"succeeded\"} 1");
        _error.ToString().Should().Contain($"ChatBotKit:ShutdownTimeout ({Path("bot.yaml")}(4)): 'forever' is not valid").And.Contain("reloaded the configuration (config: bot.yaml)");
        Read("b.out").Should().NotContain("two");
        Read("created.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("a", "b");
        process.ExitCode.Should().Be(0);
    }
}
