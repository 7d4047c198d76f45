using System.Globalization;
using System.Net;
using ChatBotKit.Controls;
using ChatBotKit.Hosting.AspNetCore.Dashboard;
using ChatBotKit.Hosting.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static ChatBotKit.Hosting.Tests.Dashboard.DashboardHttpTests;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests.Dashboard;

/// <summary>What the overview shows beside the engine's own state: the panels of the bot's parts, and engagement.</summary>
public sealed class DashboardPanelTests
{
    [Fact]
    public async Task ControlPanel_ButtonPressed_PanelActsAndTheOverviewShowsItsAnswer()
    {
        var panel = new CountingPanel();
        await using var app = await DashboardApp.StartAsync(bot: b => b.AddControlPanel(panel));
        using var http = Client(app);

        var before = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));
        using var press = await PostAsync(http, app, "dashboard/panel", ("bot", "default"), ("panel", "Counter"), ("action", "press"));
        var after = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));
        using var unknown = await PostAsync(http, app, "dashboard/panel", ("bot", "default"), ("panel", "Avatar"), ("action", "press"));

        before.Should().Contain("<div class=\"panel\" data-panel=\"Counter\"><h3>Counter</h3><dl><dt>Pressed</dt><dd>0 times</dd></dl>")
            .And.Contain("<input type=\"hidden\" name=\"action\" value=\"press\"><button>Press me</button>");
        press.StatusCode.Should().Be(HttpStatusCode.Redirect);
        panel.Pressed.Should().Be(1);
        after.Should().Contain("<dd>1 times</dd>").And.Contain("<p class=\"result\">pressed once more</p>");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        app.Audit.Lines.Select(l => l.Text).Should().Contain(t => t.Contains("pressed press on Counter of default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overview_BotWithHealthCheck_ShowsThePartAndItsStatus()
    {
        var check = new FixedCheck(HealthCheckResult.Degraded("espeak-ng answers slowly"));
        await using var app = await DashboardApp.StartAsync(bot: b => b.WithHealthCheck("voice", check));
        using var http = Client(app);

        var html = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));

        html.Should().Contain("<h3>Parts</h3>")
            .And.Contain("<tr data-check=\"voice\"><td>voice</td><td class=\"status degraded\">degraded</td><td>espeak-ng answers slowly</td></tr>");
    }

    [Fact]
    public async Task Overview_InteractionLogOff_SaysHowToTurnItOn()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);

        var html = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));

        html.Should().Contain("<h3>Engagement</h3>").And.Contain("The interaction log is off");
    }

    [Fact]
    public async Task Engagement_ReplyWindowClosesAfterTheViewerAnswered_OverviewCountsItByTriggerAndChannel()
    {
        await using var app = await DashboardApp.StartAsync(interactionLog: "interactions");
        using var http = Client(app);
        var recorder = app.Services.GetRequiredService<InteractionRecorder>();
        var feed = app.Services.GetRequiredService<DashboardFeed>();
        var before = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));

        app.Source.Push(Message("alice", "!dice", id: "m1"));
        await WaitUntilAsync(() => feed.Recent().Any(e => e.Outcome == "replied"));
        app.Source.Push(Message("alice", "thanks, nice roll", id: "m2"));
        await WaitUntilAsync(() => feed.Recent().Count == 2);
        recorder.Sweep(DateTimeOffset.MaxValue);
        var after = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));

        before.Should().Contain("No reply's engagement window has closed yet");
        after.Should().Contain("<tr data-trigger=\"dice\"><td>dice</td><td>1</td><td>1</td><td>100 %</td></tr>");
        after.Should().Contain("<tr data-channel=\"twitch/c\"><td>twitch/c</td><td>1</td><td>1</td><td>100 %</td></tr>");
    }

    private sealed class CountingPanel : IControlPanel
    {
        private int _pressed;

        public int Pressed => Volatile.Read(ref _pressed);

        public string Title => "Counter";

        public ControlPanelView Describe() =>
            new([new ControlPanelLine("Pressed", string.Create(CultureInfo.InvariantCulture, $"{Pressed} times"))], [new ControlAction("press", "Press me")]);

        public Task<string> InvokeAsync(string action, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _pressed);
            return Task.FromResult("pressed once more");
        }
    }

    private sealed class FixedCheck(HealthCheckResult result) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.FromResult(result);
    }
}
