using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// The dashboard's door, as endpoint filters: <see cref="CheckRequest"/> (every route) refuses a
/// <c>Host</c> header that is not one of the allowed names and a POST whose <c>Origin</c> is not the
/// dashboard's own; <see cref="CheckSignIn"/> (every route but sign-in and assets) lets in loopback
/// clients when there is no token, and otherwise only holders of a live session cookie.
/// </summary>
internal static class DashboardGuard
{
    /// <summary>Refuses a wrong <c>Host</c> and a cross-origin POST with 403.</summary>
    public static async ValueTask<object?> CheckRequest(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var dashboard = context.RequestServices.GetRequiredService<DashboardServices>();
        if (!IsAllowedHost(context.Request.Host.Host, dashboard.Options.AllowedHosts))
        {
            return Refuse(context, dashboard, StatusCodes.Status403Forbidden, "the Host header is not one this dashboard serves");
        }

        if (HttpMethods.IsPost(context.Request.Method) && !IsSameOrigin(context.Request))
        {
            return Refuse(context, dashboard, StatusCodes.Status403Forbidden, "the request did not come from this dashboard's own pages (Origin)");
        }

        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>Lets signed-in (or, without a token, loopback) clients through; 401 or 403 otherwise.</summary>
    public static async ValueTask<object?> CheckSignIn(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var dashboard = context.RequestServices.GetRequiredService<DashboardServices>();
        if (dashboard.Options.Token is null)
        {
            return IsLoopback(context)
                ? await next(invocation).ConfigureAwait(false)
                : Refuse(context, dashboard, StatusCodes.Status403Forbidden, "without a token the dashboard answers loopback clients only");
        }

        return dashboard.Sessions.Check(context.Request.Cookies[DashboardSessions.CookieName]) switch
        {
            DashboardSessions.State.Valid => await next(invocation).ConfigureAwait(false),
            DashboardSessions.State.Expired => Results.Content(DashboardHtml.SignIn("Your sign-in has expired; enter the token again."), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized),
            _ => Results.Content(DashboardHtml.SignIn(null), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    internal static bool IsAllowedHost(string host, IReadOnlyList<string> allowed) =>
        host.Length > 0 && allowed.Any(a => string.Equals(a.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            // Browsers send Origin on every POST; Sec-Fetch-Site covers the ones that do not.
            return string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.Ordinal);
        }

        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLoopback(HttpContext context) => context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);

    private static IResult Refuse(HttpContext context, DashboardServices dashboard, int status, string reason)
    {
        DashboardAudit.Refused(dashboard.Audit, context, context.Request.Method, context.Request.Path, reason);
        return Results.Text($"{status}: {reason}.", "text/plain; charset=utf-8", statusCode: status);
    }
}
