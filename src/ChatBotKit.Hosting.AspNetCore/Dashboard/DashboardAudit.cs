using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>The audit log (category <see cref="Category"/>): every control action and sign-in on the dashboard, and who did it.</summary>
internal static partial class DashboardAudit
{
    /// <summary>The logger category of the audit log.</summary>
    public const string Category = "ChatBotKit.Dashboard.Audit";

    /// <summary>Records that the client of <paramref name="context"/> did <paramref name="action"/> to <paramref name="target"/>.</summary>
    public static void Action(ILogger logger, HttpContext context, string action, string target)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var client = Client(context);
            Done(logger, action, target, client);
        }
    }

    /// <summary>Records that <paramref name="action"/> on <paramref name="target"/> was refused and why.</summary>
    public static void Refused(ILogger logger, HttpContext context, string action, string target, string reason)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var client = Client(context);
            NotDone(logger, action, target, reason, client);
        }
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Dashboard: {Action} {Target} (from {Client}).")]
    private static partial void Done(ILogger logger, string action, string target, string client);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Dashboard: {Action} refused for {Target}: {Reason} (from {Client}).")]
    private static partial void NotDone(ILogger logger, string action, string target, string reason, string client);
}
