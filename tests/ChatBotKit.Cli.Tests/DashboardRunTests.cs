using System.Net;
using System.Text.RegularExpressions;

namespace ChatBotKit.Cli.Tests;

/// <summary><c>streambot run --dashboard</c> and <c>--interaction-log</c> on a recorded source.</summary>
public sealed class DashboardRunTests(WarmCompiler warm) : IClassFixture<WarmCompiler>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streambot-dashboard-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_DashboardOnLoopback_ServesItBesideHealthAndLogsTheInteraction()
    {
        using var stop = new CancellationTokenSource();
        var (run, error) = Start(stop.Token, "--http", "127.0.0.1:0", "--dashboard", "127.0.0.1:0", "--interaction-log", Path("log"));
        await WaitForAsync(() => error.ToString().Contains("dashboard: ", StringComparison.Ordinal) && error.ToString().Contains("kit is running", StringComparison.Ordinal), run, error);
        var dashboard = new Uri(Regex.Match(error.ToString(), @"dashboard: (\S+)").Groups[1].Value);
        using var http = new HttpClient();

        var decisions = "";
        await WaitForAsync(() => (decisions = http.GetStringAsync(new Uri(dashboard, "decisions")).GetAwaiter().GetResult()).Contains("rolled", StringComparison.Ordinal), run, error);
        var overview = await http.GetStringAsync(dashboard);
        var health = await http.GetAsync(new Uri(dashboard, "/health"));
        await stop.CancelAsync();
        (await run).Should().Be(0);

        overview.Should().Contain("data-source=\"recorded\"");
        decisions.Should().Contain("bob").And.Contain("replied");
        health.StatusCode.Should().NotBe(HttpStatusCode.NotFound, "the dashboard shares the server of /health");
        Directory.GetFiles(Path("log"), "interactions-*.jsonl").Should().ContainSingle()
            .Which.Should().Match(f => File.ReadAllText(f).Contains("\"replies\":[\"rolled\"]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DashboardBeyondLoopback_PrintsATokenOnceAndAsksForIt()
    {
        using var stop = new CancellationTokenSource();
        var (run, error) = Start(stop.Token, "--dashboard", "0.0.0.0:0");
        await WaitForAsync(() => error.ToString().Contains("dashboard: ", StringComparison.Ordinal), run, error);
        var login = Regex.Match(error.ToString(), @"dashboard: http://[^:]+:(\d+)/dashboard/login\?token=([0-9a-f]+)");
        var port = login.Groups[1].Value;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        using var anonymous = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/dashboard/"));
        using var wrong = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/dashboard/login?token=00{login.Groups[2].Value}"));
        using var right = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/dashboard/login?token={login.Groups[2].Value}"));
        await stop.CancelAsync();
        (await run).Should().Be(0);

        login.Success.Should().BeTrue(error.ToString());
        Regex.Matches(error.ToString(), login.Groups[2].Value).Should().ContainSingle("the token is printed once");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        right.Headers.GetValues("Set-Cookie").Single().Should().Contain("httponly").And.Contain("samesite=strict");
    }

    [Fact]
    public async Task Run_DashboardAndHttpOnDifferentAddresses_IsAUsageError()
    {
        var (run, error) = Start(CancellationToken.None, "--http", "127.0.0.1:0", "--dashboard", "127.0.0.1:9");

        (await run).Should().Be(StreambotApp.UsageError);
        error.ToString().Should().Contain("--dashboard 127.0.0.1:9 and --http 127.0.0.1:0");
    }

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private (Task<int> Run, StringWriter Error) Start(CancellationToken stop, params string[] options)
    {
        var log = Path("chat.jsonl");
        File.WriteAllText(log, """{"ts":"2026-01-01T20:00:00Z","user":"bob","text":"!dice","id":"m1"}""" + "\n");
        var script = Path("bot.csx");
        File.WriteAllText(script, $$"""
            Bot.WithName("kit").OnCommand("dice", ctx => "rolled");
            Bot.AddSource(new ChatSourceRegistration("recorded", @"{{log}}", ctx => new ReplayChatSource(@"{{log}}", new ReplayChatSourceOptions { LoggerFactory = ctx.LoggerFactory })));
            """);
        var error = new StringWriter();
        var run = StreambotApp.RunAsync(["run", script, "--no-watch", .. options], new CliStreams(new StringReader(""), new StringWriter(), error), warm.Compiler, stop);
        return (run, error);
    }

    private static async Task WaitForAsync(Func<bool> condition, Task<int> run, StringWriter error)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            run.IsCompleted.Should().BeFalse(because: error.ToString());
            await Task.Delay(20, timeout.Token);
        }
    }
}
