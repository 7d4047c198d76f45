using Microsoft.AspNetCore.Http;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>The dashboard's script and style files, embedded in the assembly (htmx is vendored; see its licence beside it).</summary>
internal static class DashboardAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["htmx.min.js"] = "text/javascript; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(string name)
    {
        if (!Types.TryGetValue(name, out var type) || typeof(DashboardAssets).Assembly.GetManifestResourceStream("ChatBotKit.Dashboard." + name) is not { } stream)
        {
            return Results.NotFound();
        }

        return Results.Stream(stream, type);
    }
}
