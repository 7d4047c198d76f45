using ChatBotKit.Engine;
using ChatBotKit.Hosting.AspNetCore.Dashboard;
using ChatBotKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChatBotKit.Tests.Fakes.Events;
using static Microsoft.Playwright.Assertions;

namespace ChatBotKit.Hosting.Tests.Dashboard;

/// <summary>
/// The dashboard of a running bot in a real Chromium (Debian's, driven by Playwright): the live decision
/// log, pausing a source, the prompt test and configuration edits, as a streamer would use them.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DashboardApp? _app;

    private DashboardApp App => _app!;

    public async Task InitializeAsync()
    {
        var chromium = DebianPackage.EnsureInstalled("chromium", "chromium");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        _app = await DashboardApp.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task DecisionLog_ViewerWritesInChat_MessageAndReplyAppearLive()
    {
        var page = await OpenAsync("dashboard/decisions");
        await Expect(page.Locator("#decisions[data-live=open]")).ToHaveCountAsync(1);

        App.Source.Push(Message("viewer1", "!dice"));

        var row = page.Locator("#decisions tr.replied");
        await Expect(row).ToContainTextAsync("viewer1");
        await Expect(row).ToContainTextAsync("rolled");
    }

    [Fact]
    public async Task Overview_PauseThenResumeSource_MessagesInBetweenAreReadButNotAnswered()
    {
        App.Source.Push(Message("viewer1", "!dice"));
        await App.Source.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
        var page = await OpenAsync("dashboard/");
        var source = page.Locator("tr[data-source=fake]");
        await Expect(source).ToContainTextAsync("connected");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-overview.png"), FullPage = true });

        await source.GetByRole(AriaRole.Button, new() { Name = "Pause source" }).ClickAsync();
        await Expect(page.Locator("tr[data-source=fake]")).ToContainTextAsync("(paused)");
        App.Source.Push(Message("viewer2", "!dice"));
        await DashboardHttpTests.WaitUntilAsync(() => Feed.Recent().Any(e => e.Outcome == "paused"));
        await page.Locator("tr[data-source=fake]").GetByRole(AriaRole.Button, new() { Name = "Resume source" }).ClickAsync();
        await Expect(page.Locator("tr[data-source=fake]")).Not.ToContainTextAsync("(paused)");
        App.Source.Push(Message("viewer3", "!dice", id: "m3"));
        var sent = await App.Source.WaitForSentAsync(2, TimeSpan.FromSeconds(30));

        sent.Should().HaveCount(2);
        sent[1].ReplyToId.Should().Be("m3");
        Feed.Recent().Single(e => e.Outcome == "paused").User.Should().Be("viewer2");
        Feed.Recent().Single(e => e.Outcome == "paused").Reason.Should().Be(DecisionReasons.Paused);
    }

    [Fact]
    public async Task PromptTest_Mention_ShowsEachStageAndSendsNothing()
    {
        var page = await OpenAsync("dashboard/prompt-test");

        await page.FillAsync("input[name=text]", "hey @kit what's up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        await Expect(page.Locator("#prompt-result .trigger")).ToHaveTextAsync("mention");
        await Expect(page.Locator("#prompt-result .raw")).ToHaveTextAsync("**Hello** there, viewer!");
        await Expect(page.Locator("#prompt-result table.filters")).ToContainTextAsync("markdown");
        await Expect(page.Locator("#prompt-result .final")).ToHaveTextAsync("Hello there, viewer!");
        App.Source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Configuration_InvalidThenValidEditThenRollBack_FileFollowsEachStep()
    {
        var page = await OpenAsync("dashboard/config");
        var editor = page.Locator("textarea[name=text]");
        var apply = page.GetByRole(AriaRole.Button, new() { Name = "Apply" });
        var result = page.Locator("#config-result");

        await editor.FillAsync("ChatBotKit:\n  ShutdownTimeout: forever\n");
        await apply.ClickAsync();
        await Expect(result).ToContainTextAsync("Refused; nothing changed.");
        await Expect(result).ToContainTextAsync("ChatBotKit:ShutdownTimeout");
        (await File.ReadAllTextAsync(App.ConfigFile)).Should().Be(DashboardApp.Config);

        await editor.FillAsync("Greeting: edited in the browser\n");
        await apply.ClickAsync();
        await Expect(result).ToContainTextAsync("Applied and reloaded.");
        (await File.ReadAllTextAsync(App.ConfigFile)).Should().Be("Greeting: edited in the browser\n");

        await page.Locator("#rollback").ClickAsync();
        await Expect(result).ToContainTextAsync("Greeting: hello");
        (await File.ReadAllTextAsync(App.ConfigFile)).Should().Be(DashboardApp.Config);
    }

    private DashboardFeed Feed => App.Services.GetRequiredService<DashboardFeed>();

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(new Uri(App.Address, path).ToString());
        return page;
    }
}
