using System.Net;
using ChatBotKit.Engine;
using ChatBotKit.Hosting.AspNetCore.Dashboard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Hosting.Tests.Dashboard;

/// <summary>The dashboard over real HTTP: pages, the live decision stream, the controls and configuration edits.</summary>
public sealed class DashboardHttpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Overview_RunningBot_ShowsSourceStateChannelQueueAndLlm()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);
        app.Source.Push(Message("alice", "!dice"));
        await app.Source.WaitForSentAsync(1, Patience);

        var html = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));

        html.Should().Contain("data-bot=\"default\"").And.Contain("data-source=\"fake\"").And.Contain("connected");
        html.Should().Contain("data-channel=\"c\"").And.Contain("Replies/min").And.Contain("<h3>LLM</h3>");
        html.Should().Contain("htmx.min.js");
    }

    [Fact]
    public async Task DecisionStream_MessageArrives_SendsItsRowWithTheReply()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);
        using var response = await http.GetAsync(new Uri("dashboard/stream/decisions?outcome=replied", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        await ReadUntilAsync(reader, l => l == "event: ready");

        app.Source.Push(Message("alice", "hi there"));
        app.Source.Push(Message("bob", "!dice"));

        var lines = await ReadUntilAsync(reader, l => l.StartsWith("data: <tr", StringComparison.Ordinal));
        lines.Should().Contain("event: decision");
        lines.Should().NotContain(l => l.Contains("alice", StringComparison.Ordinal), "the stream was filtered to replies");
        lines[^1].Should().Contain("bob").And.Contain("replied").And.Contain("rolled");
    }

    [Fact]
    public async Task DecisionStream_BrowserGoesAway_FreesItsBuffer()
    {
        await using var app = await DashboardApp.StartAsync();
        var feed = app.Services.GetRequiredService<DashboardFeed>();
        using (var http = Client(app))
        {
            using var response = await http.GetAsync(new Uri("dashboard/stream/decisions", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            await WaitUntilAsync(() => feed.Listeners == 1);
        }

        await WaitUntilAsync(() => feed.Listeners == 0);
        feed.Listeners.Should().Be(0);
    }

    [Fact]
    public async Task PauseSource_MessageArrives_DecisionIsPausedAndNothingIsSentUntilResumed()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);

        using var pause = await PostAsync(http, app, "dashboard/pause", ("bot", "default"), ("scope", "source"), ("source", "fake"), ("paused", "true"));
        var overview = await http.GetStringAsync(new Uri("dashboard/", UriKind.Relative));
        app.Source.Push(Message("alice", "!dice", id: "m1"));
        await WaitUntilAsync(() => Feed(app).Recent().Any(e => e.Outcome == "paused"));
        using var resume = await PostAsync(http, app, "dashboard/pause", ("bot", "default"), ("scope", "source"), ("source", "fake"), ("paused", "false"));
        app.Source.Push(Message("bob", "!dice", id: "m2"));
        var sent = await app.Source.WaitForSentAsync(1, Patience);

        pause.StatusCode.Should().Be(HttpStatusCode.Redirect);
        overview.Should().Contain("<tr data-source=\"fake\">").And.Contain("connected (paused)");
        sent.Should().ContainSingle().Which.ReplyToId.Should().Be("m2", "the paused message was read but not answered");
        Feed(app).Recent().Single(e => e.Outcome == "paused").Reason.Should().Be(DecisionReasons.Paused);
        app.Audit.Lines.Select(l => l.Text).Should().Contain(t => t.Contains("paused source fake", StringComparison.Ordinal))
            .And.Contain(t => t.Contains("resumed source fake", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PauseSource_OtherSourceOfTheSamePlatformAndChannel_GoesOnAnswering()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);

        using var pause = await PostAsync(http, app, "dashboard/pause", ("bot", "default"), ("scope", "source"), ("source", "second"), ("paused", "true"));
        app.Second.Push(Message("alice", "!dice", id: "held"));
        await WaitUntilAsync(() => Feed(app).Recent().Any(e => e.Outcome == "paused"));
        app.Source.Push(Message("bob", "!dice", id: "answered"));
        var sent = await app.Source.WaitForSentAsync(1, Patience);

        pause.StatusCode.Should().Be(HttpStatusCode.Redirect);
        sent.Should().ContainSingle().Which.ReplyToId.Should().Be("answered");
        app.Second.Sent.Should().BeEmpty("only the source named second is paused, not its platform");
        Feed(app).Recent().Single(e => e.Outcome == "paused").User.Should().Be("alice");
    }

    [Fact]
    public async Task PauseSource_UnknownName_BadRequestAndNothingPaused()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);

        using var response = await PostAsync(http, app, "dashboard/pause", ("bot", "default"), ("scope", "source"), ("source", "twitch"), ("paused", "true"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        app.Services.GetRequiredService<RunningChatBots>().All.Single().Engine.Pauses.IsSourcePaused("twitch").Should().BeFalse();
    }

    [Fact]
    public async Task Say_Text_SendsItThroughTheChannelsSourceAndLogsIt()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);

        using var response = await PostAsync(http, app, "dashboard/say", ("bot", "default"), ("platform", "twitch"), ("channel", "c"), ("text", "welcome, everyone"));
        var sent = await app.Source.WaitForSentAsync(1, Patience);

        sent[0].Text.Should().Be("welcome, everyone");
        sent[0].Channel.Should().Be("c");
        Feed(app).Recent().Should().Contain(e => e.Outcome == DashboardEntry.Said && e.Replies[0] == "welcome, everyone");
    }

    [Fact]
    public async Task PromptTest_Mention_ShowsPromptRawOutputFilterVerdictsAndFinalTextWithoutSending()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);

        using var response = await PostAsync(http, app, "dashboard/prompt-test", ("bot", "default"), ("platform", "twitch"), ("channel", "c"), ("user", "alice"), ("text", "hi @kit how are you"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<dd class=\"trigger\">mention</dd>");
        html.Should().Contain("<b>system</b>").And.Contain("hi @kit how are you");
        html.Should().Contain("<pre class=\"raw\">**Hello** there, viewer!</pre>");
        html.Should().Contain("<td>markdown</td><td>passed</td>");
        html.Should().Contain("<dd class=\"final\"><p>Hello there, viewer!</p>");
        app.Source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task ConfigEdit_Invalid_Refused422WithKeyAndReasonAndNothingChanges()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);

        using var response = await PostAsync(http, app, "dashboard/config", ("text", "ChatBotKit:\n  ShutdownTimeout: forever\nGreeting: changed\n"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        html.Should().Contain("ChatBotKit:ShutdownTimeout").And.Contain("forever").And.Contain("bot.yaml");
        (await File.ReadAllTextAsync(app.ConfigFile)).Should().Be(DashboardApp.Config);
        File.Exists(app.ConfigFile + ".previous").Should().BeFalse();
        Directory.GetFiles(app.Folder).Should().ContainSingle("the staged edit was removed");
        app.Services.GetRequiredService<IConfiguration>()["Greeting"].Should().Be("hello");
    }

    [Fact]
    public async Task ConfigEdit_Valid_AppliedReloadedRestartNotedAndRollBackRestoresIt()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);
        var edited = "ChatBotKit:\n  ShutdownTimeout: \"00:00:07\"\nGreeting: changed\n";

        using var apply = await PostAsync(http, app, "dashboard/config", ("text", edited));
        var applied = await apply.Content.ReadAsStringAsync();
        var greetingAfterApply = app.Services.GetRequiredService<IConfiguration>()["Greeting"];
        using var rollback = await PostAsync(http, app, "dashboard/config/rollback");

        apply.StatusCode.Should().Be(HttpStatusCode.OK);
        applied.Should().Contain("Applied and reloaded").And.Contain("after a restart: ChatBotKit:ShutdownTimeout");
        greetingAfterApply.Should().Be("changed");
        rollback.StatusCode.Should().Be(HttpStatusCode.OK);
        (await File.ReadAllTextAsync(app.ConfigFile)).Should().Be(DashboardApp.Config);
        (await File.ReadAllTextAsync(app.ConfigFile + ".previous")).Should().Be(edited);
        app.Services.GetRequiredService<IConfiguration>()["Greeting"].Should().Be("hello");
    }

    internal static HttpClient Client(DashboardApp app) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };

    internal static Task<HttpResponseMessage> PostAsync(HttpClient http, DashboardApp app, string path, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Add("Origin", app.Address.GetLeftPart(UriPartial.Authority));
        return http.SendAsync(request);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static DashboardFeed Feed(DashboardApp app) => app.Services.GetRequiredService<DashboardFeed>();

    private static async Task<List<string>> ReadUntilAsync(StreamReader reader, Func<string, bool> stop)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (stop(line))
            {
                break;
            }
        }

        return lines;
    }
}
