using System.Net;
using ChatBotKit.Hosting.AspNetCore;
using ChatBotKit.Hosting.AspNetCore.Dashboard;
using ChatBotKit.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static ChatBotKit.Hosting.Tests.Dashboard.DashboardHttpTests;

namespace ChatBotKit.Hosting.Tests.Dashboard;

/// <summary>Who may use the dashboard: Host header, same-origin POSTs, the token and its session cookie.</summary>
public sealed class DashboardSecurityTests
{
    private const string Token = "7c1e0d6a-test-token";

    [Fact]
    public async Task Request_WrongHostHeader_Returns403()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("dashboard/", UriKind.Relative));
        request.Headers.Host = "attacker.example";

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("http://attacker.example")]
    [InlineData(null)]
    public async Task Post_ForeignOrMissingOrigin_Returns403AndDoesNothing(string? origin)
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("dashboard/pause", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("bot", "default"), KeyValuePair.Create("scope", "bot"), KeyValuePair.Create("paused", "true")]),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        app.Services.GetRequiredService<RunningChatBots>().Find("default")!.Engine.Pauses.IsBotPaused.Should().BeFalse();
        app.Audit.Lines.Should().Contain(l => l.Text.Contains("refused", StringComparison.Ordinal) && l.Text.Contains("Origin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithToken_NoCookie_Returns401SignInPage()
    {
        await using var app = await DashboardApp.StartAsync(new ChatBotDashboardOptions { Token = Token });
        using var http = Client(app);

        using var response = await http.GetAsync(new Uri("dashboard/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("name=\"token\"");
    }

    [Fact]
    public async Task WithToken_WrongToken_Returns401AndSetsNoCookie()
    {
        await using var app = await DashboardApp.StartAsync(new ChatBotDashboardOptions { Token = Token });
        using var http = Client(app);

        using var response = await PostAsync(http, app, "dashboard/login", ("token", Token + "x"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task WithToken_RightToken_SetsHttpOnlyStrictCookieThatOpensTheDashboard()
    {
        await using var app = await DashboardApp.StartAsync(new ChatBotDashboardOptions { Token = Token });
        using var http = Client(app);

        using var signIn = await PostAsync(http, app, "dashboard/login", ("token", Token));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("dashboard/", UriKind.Relative));
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var page = await http.SendAsync(request);

        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        cookie.Should().Contain("httponly").And.Contain("samesite=strict").And.NotContain(Token);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void Session_AfterItsLifetime_IsExpired()
    {
        var clock = new VirtualClock();
        var sessions = new DashboardSessions(new ChatBotDashboardOptions { Token = Token, SessionLifetime = TimeSpan.FromHours(1) }, clock);
        var (id, _) = sessions.Start();

        var fresh = sessions.Check(id);
        clock.Advance(TimeSpan.FromHours(1));

        fresh.Should().Be(DashboardSessions.State.Valid);
        sessions.Check(id).Should().Be(DashboardSessions.State.Expired);
        sessions.Check("made-up").Should().Be(DashboardSessions.State.Missing);
    }

    [Fact]
    public async Task NoToken_ClientBeyondLoopback_Returns403()
    {
        await using var app = await DashboardApp.StartAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        var invocation = EndpointFilterInvocationContext.Create(context);

        var result = await DashboardGuard.CheckSignIn(invocation, _ => ValueTask.FromResult<object?>("page"));

        result.Should().BeAssignableTo<IStatusCodeHttpResult>().Which.StatusCode.Should().Be(StatusCodes.Status403Forbidden);
    }

    [Fact]
    public void Subscription_BrowserFallsBehind_DropsOldestAndCountsThem()
    {
        var dropped = 0;
        using var subscription = new DashboardSubscription(2, () => dropped++, _ => { });

        for (var i = 1; i <= 5; i++)
        {
            subscription.Offer(new DashboardEntry(i, "kit", "twitch", "c", DateTimeOffset.UnixEpoch, "replied", null, null, null, null, []));
        }

        subscription.Dropped.Should().Be(3);
        dropped.Should().Be(3);
        subscription.Lines.TryRead(out var oldestKept).Should().BeTrue();
        oldestKept!.Id.Should().Be(4);
    }

    [Fact]
    public void Redaction_UrlWithPasswordAndKey_HidesBoth()
    {
        Redaction.Url("http://user:hunter2@llm.local:8000/v1?api_key=abc123&model=x").Should().Be("http://***@llm.local:8000/v1?api_key=***&model=x");
    }
}
