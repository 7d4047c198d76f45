using ChatBotKit.Engine;

namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class ScriptHostTests(CompilerFixture fixture) : IDisposable
{
    private const string OpenLimits = "Bot.WithRateLimits(r => r with { PerUser = [RateWindow.PerMinute(100)], PerChannel = [RateWindow.PerMinute(100)], MinimumGap = TimeSpan.Zero });\n";
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "scripts", "examples", name);

    [Fact]
    public async Task LoadAsync_HelloExample_BuildsKitThatRollsTheDice()
    {
        using var generation = await fixture.Host().LoadAsync(Example("hello.csx"));

        generation.Definition.Identity.Name.Should().Be("kit");
        generation.Definition.Identity.Aliases.Should().Equal("kitbot");
        await using var chat = new ChatHarness(generation.Definition);
        (await chat.SayAsync("bob: !dice")).Should().MatchRegex("^kit: 🎲 [1-6]$");
    }

    [Fact]
    public async Task LoadAsync_HelloExample_AllowsThreeRepliesPerViewerPerMinute()
    {
        using var generation = await fixture.Host().LoadAsync(Example("hello.csx"));

        generation.Definition.RateLimits.PerUser.Should().Equal(RateLimiting.RateWindow.PerMinute(3));
    }

    [Fact]
    public async Task LoadAsync_TriviaWithTheDefaultLimits_AnswersAQuestionAndItsAnswerSecondsApart()
    {
        var path = _folder.Write("bot.csx", "#load \"preset:trivia\"\nBot.WithName(\"kit\");\n");
        using var generation = await fixture.Host().LoadAsync(path);
        await using var chat = new ChatHarness(generation.Definition);

        (await chat.SayAsync("al: !trivia")).Should().StartWith("kit: ❓ ");
        (await chat.SayAsync("bo: !answer wrong")).Should().Be("kit: Not quite, bo!", "a command's answer is not held by the 15 s minimum gap");
    }

    [Fact]
    public async Task LoadAsync_AllPresets_TriviaAndModerationAnswer()
    {
        var path = _folder.Write("bot.csx", "#load \"preset:moderation\"\n#load \"preset:cohost\"\n#load \"preset:trivia\"\nBot.WithName(\"kit\");\n" + OpenLimits);
        using var generation = await fixture.Host().LoadAsync(path);
        await using var chat = new ChatHarness(generation.Definition);

        (await chat.SayAsync("al: !trivia")).Should().StartWith("kit: ❓ ");
        (await chat.SayAsync("al: !answer wrong")).Should().Be("kit: Not quite, al!");
        (await chat.SayAsync("al: !top")).Should().Be("kit: No points yet; type !trivia to play.");
        (await chat.SayAsync("bob: THIS IS ALL CAPS SPAM RIGHT HERE")).Should().Be("kit: @bob easy on the caps, please 🙂");
        (await chat.SayAsync("eve: look at https://example.invalid")).Should().StartWith("kit: @eve please don't post links");
    }

    [Fact]
    public async Task LoadAsync_TopLevelThrow_ReportsFileAndLine()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\");\nthrow new InvalidOperationException(\"boom\");\n");

        var error = await Assert.ThrowsAsync<ScriptException>(() => fixture.Host().LoadAsync(path));

        var diagnostic = error.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Should().Match<ScriptDiagnostic>(d => d.Path == path && d.Line == 2 && d.Code == ScriptDiagnostic.TopLevelThrew);
        diagnostic.Message.Should().Be("the script threw InvalidOperationException: boom");
    }

    [Fact]
    public async Task LoadAsync_ThrowInLoadedFile_PointsAtTheLoadedFile()
    {
        var helper = _folder.Write("helper.csx", "static void Fail()\n{\n    throw new ArgumentException(\"bad\");\n}\n");
        var path = _folder.Write("bot.csx", "#load \"helper.csx\"\nFail();\n");

        var error = await Assert.ThrowsAsync<ScriptException>(() => fixture.Host().LoadAsync(path));

        error.Diagnostics.Should().ContainSingle().Which.Should().Match<ScriptDiagnostic>(d => d.Path == helper && d.Line == 3);
    }

    [Fact]
    public async Task LoadAsync_TopLevelNeverReturns_TimesOut()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\");\nSystem.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);\n");

        var error = await Assert.ThrowsAsync<ScriptException>(() => fixture.Host(TimeSpan.FromMilliseconds(200)).LoadAsync(path));

        error.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(ScriptDiagnostic.TopLevelTimedOut);
    }

    [Fact]
    public async Task LoadAsync_InvalidBot_NamesTheSetting()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\").OnAmbient(probability: 2);\n");

        var error = await Assert.ThrowsAsync<ScriptException>(() => fixture.Host().LoadAsync(path));

        var diagnostic = error.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(ScriptDiagnostic.InvalidBot);
        diagnostic.Message.Should().Contain("Probability");
    }

    [Fact]
    public async Task Hooks_RunOnStartAndStop()
    {
        var marker = Path.Combine(_folder.Root, "marker.txt");
        var path = _folder.Write("bot.csx",
            $"Bot.WithName(\"kit\");\nOnStart(() => System.IO.File.AppendAllText(@\"{marker}\", \"start;\"));\nOnStop(() => System.IO.File.AppendAllText(@\"{marker}\", \"stop;\"));\n");
        using var generation = await fixture.Host().LoadAsync(path);

        await generation.StartAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await generation.StopAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        (await File.ReadAllTextAsync(marker)).Should().Be("start;stop;");
    }

    [Fact]
    public async Task Handler_Throws_IsLoggedWithFileAndLineAndTheBotGoesOn()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\");\n" + OpenLimits +
            "Bot.OnCommand(\"boom\", ctx => throw new InvalidOperationException(\"kaput\"));\nBot.OnCommand(\"ping\", ctx => \"pong\");\n");
        using var generation = await fixture.Host().LoadAsync(path);
        var log = new CapturingLogger();
        await using var chat = new ChatHarness(generation.Definition, log);

        (await chat.DecideAsync("al: !boom")).Should().Be(DecisionOutcome.HandlerFailed);
        (await chat.SayAsync("al: !ping")).Should().Be("kit: pong");

        log.Entries.Select(e => e.Exception).OfType<InvalidOperationException>().Should().ContainSingle()
            .Which.StackTrace.Should().Contain($"{path}:line 3");
    }

    [Fact]
    public async Task Handler_NeverReturns_IsCancelledAndTheBotGoesOn()
    {
        var path = _folder.Write("bot.csx", "Bot.WithName(\"kit\").WithHandlerTimeout(TimeSpan.FromMilliseconds(200));\n" + OpenLimits +
            "Bot.OnCommand(\"hang\", async (ctx, ct) => { await Task.Delay(System.Threading.Timeout.Infinite, ct); return \"never\"; });\nBot.OnCommand(\"ping\", ctx => \"pong\");\n");
        using var generation = await fixture.Host().LoadAsync(path);
        await using var chat = new ChatHarness(generation.Definition);

        (await chat.DecideAsync("al: !hang")).Should().Be(DecisionOutcome.HandlerFailed);
        (await chat.SayAsync("al: !ping")).Should().Be("kit: pong");
    }
}
