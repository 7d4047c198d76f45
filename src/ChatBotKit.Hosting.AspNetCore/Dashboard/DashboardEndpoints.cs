using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// The dashboard's routes under <see cref="DashboardHtml.Prefix"/>: the pages (server-rendered HTML), the
/// live parts as Server-Sent Events, the sign-in and the assets. The controls are in <see cref="DashboardControls"/>.
/// </summary>
internal static class DashboardEndpoints
{
    private static readonly TimeSpan OverviewInterval = TimeSpan.FromSeconds(1);

    // The live logs send at most one event per interval, holding every line that arrived meanwhile.
    private static readonly TimeSpan LinesInterval = TimeSpan.FromMilliseconds(100);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var root = endpoints.MapGroup(Prefix);
        root.AddEndpointFilter(DashboardGuard.CheckRequest);
        root.MapGet("/assets/{name}", (string name) => DashboardAssets.Serve(name));
        root.MapGet("/login", (HttpContext context, DashboardServices dashboard, string? token) =>
            token is null ? Html(SignIn(null)) : SignInWith(context, dashboard, token));
        root.MapPost("/login", async (HttpContext context, DashboardServices dashboard) =>
            SignInWith(context, dashboard, (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))["token"].ToString()));

        var pages = root.MapGroup("");
        pages.AddEndpointFilter(DashboardGuard.CheckSignIn);
        pages.MapGet("/", (DashboardServices dashboard) => Html(OverviewView.Page(dashboard)));
        pages.MapGet("/decisions", (DashboardServices dashboard, string? bot, string? channel, string? user, string? outcome) =>
            Html(LogView.DecisionsPage(dashboard, new LogFilter(bot, channel, user, outcome))));
        pages.MapGet("/chat", (DashboardServices dashboard, string? bot, string? platform, string? channel) => Html(LogView.ChatPage(dashboard, bot, platform, channel)));
        pages.MapGet("/prompt-test", (DashboardServices dashboard) => Html(PromptTestView.Page(dashboard)));
        pages.MapGet("/config", (DashboardServices dashboard) => Html(ConfigView.Page(dashboard.Config)));
        pages.MapGet("/stream/overview", (DashboardServices dashboard, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(OverviewAsync(dashboard, cancellationToken)));
        pages.MapGet("/stream/decisions", (DashboardServices dashboard, string? bot, string? channel, string? user, string? outcome, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(LinesAsync(dashboard, new LogFilter(bot, channel, user, outcome), "decision", LogView.DecisionRow, newestFirst: true, cancellationToken)));
        pages.MapGet("/stream/chat", (DashboardServices dashboard, string? bot, string? platform, string? channel, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(LinesAsync(dashboard, new LogFilter(bot, channel, null, null, platform), "chat", LogView.ChatLines, newestFirst: false, cancellationToken)));
        DashboardControls.Map(pages);
    }

    /// <summary>An HTML page that no cache keeps and that runs only the dashboard's own scripts.</summary>
    internal static IResult Html(string html, int status = StatusCodes.Status200OK) => new HtmlResult(html, status);

    private static IResult SignInWith(HttpContext context, DashboardServices dashboard, string token)
    {
        if (dashboard.Options.Token is null)
        {
            return Results.Redirect(Prefix + "/");
        }

        if (!dashboard.Sessions.TokenMatches(token))
        {
            DashboardAudit.Refused(dashboard.Audit, context, "sign-in", "dashboard", "wrong token");
            return Html(SignIn("That is not the token."), StatusCodes.Status401Unauthorized);
        }

        var (id, expires) = dashboard.Sessions.Start();
        context.Response.Cookies.Append(DashboardSessions.CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = Prefix,
            Expires = expires,
        });
        DashboardAudit.Action(dashboard.Audit, context, "signed in to", "dashboard");
        return Results.Redirect(Prefix + "/");
    }

    private static async IAsyncEnumerable<SseItem<string>> OverviewAsync(DashboardServices dashboard, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(OverviewInterval, dashboard.Time);
        do
        {
            yield return new SseItem<string>(OverviewView.Render(dashboard), "overview");
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// A live log: the first line after a quiet spell goes out at once; then at most one event per
    /// <see cref="LinesInterval"/> carries every line that arrived meanwhile (newest first for a log the
    /// page fills from the top), so a busy bot costs the stream a few writes a second, not one per decision.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> LinesAsync(DashboardServices dashboard, LogFilter filter, string eventType, Func<DashboardEntry, string> render, bool newestFirst, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Disposed when the browser goes away, which frees its buffer.
        using var subscription = dashboard.Feed.Subscribe();

        // Sends the headers at once, and tells the browser (and tests) that nothing from now on is missed.
        yield return new SseItem<string>("", "ready");
        var lines = new List<string>();
        while (await subscription.Lines.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long lastId = 0;
            while (subscription.Lines.TryRead(out var entry))
            {
                if (filter.Matches(entry) && render(entry) is { Length: > 0 } html)
                {
                    lines.Add(html);
                    lastId = entry.Id;
                }
            }

            if (lines.Count > 0)
            {
                if (newestFirst)
                {
                    lines.Reverse();
                }

                yield return new SseItem<string>(string.Concat(lines), eventType) { EventId = lastId.ToString(CultureInfo.InvariantCulture) };
                lines.Clear();
            }

            await Task.Delay(LinesInterval, dashboard.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
            response.Headers.XContentTypeOptions = "nosniff";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
