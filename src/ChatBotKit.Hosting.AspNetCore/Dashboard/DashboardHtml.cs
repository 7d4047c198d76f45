using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>The dashboard's page frame and the small pieces of HTML every page uses; every value is encoded.</summary>
internal static class DashboardHtml
{
    /// <summary>Where the dashboard lives.</summary>
    public const string Prefix = "/dashboard";

    private static readonly (string Path, string Title)[] Sections =
        [("/", "Overview"), ("/decisions", "Decisions"), ("/chat", "Chat"), ("/prompt-test", "Prompt test"), ("/config", "Configuration")];

    /// <summary>Encodes <paramref name="value"/> for HTML text and attributes.</summary>
    public static string H(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>Encodes a number.</summary>
    public static string H(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A whole page with the navigation, <paramref name="title"/> marked as the current section.</summary>
    public static string Page(string title, string body)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{H(title)} · streambot</title>
            <link rel="stylesheet" href="{Prefix}/assets/dashboard.css">
            <script src="{Prefix}/assets/htmx.min.js" defer></script>
            <script src="{Prefix}/assets/dashboard.js" defer></script>
            </head><body><header><strong>streambot</strong><nav>
            """);
        foreach (var (path, name) in Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<a href="{Prefix}{path}"{(name == title ? " aria-current=\"page\"" : "")}>{H(name)}</a>""");
        }

        html.Append(CultureInfo.InvariantCulture, $"</nav></header><main><h1>{H(title)}</h1>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The sign-in page, with <paramref name="message"/> when there is something to say.</summary>
    public static string SignIn(string? message) => Page("Sign in", $"""
        {(message is null ? "" : $"<p class=\"problem\">{H(message)}</p>")}
        <p>This dashboard needs the token streambot printed when it started.</p>
        <form method="post" action="{Prefix}/login"><label>Token <input type="password" name="token" autocomplete="off" autofocus></label> <button>Sign in</button></form>
        """);

    /// <summary>A plain POST form with hidden <paramref name="fields"/> and one button.</summary>
    public static string Button(string action, string label, params (string Name, string? Value)[] fields)
    {
        var html = new StringBuilder($"""<form method="post" action="{Prefix}{action}" class="inline">""");
        foreach (var (name, value) in fields)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<input type="hidden" name="{H(name)}" value="{H(value)}">""");
        }

        return html.Append(CultureInfo.InvariantCulture, $"""<button>{H(label)}</button></form>""").ToString();
    }

    /// <summary>A link into the dashboard with a query string built from <paramref name="query"/>.</summary>
    public static string Link(string path, params (string Name, string? Value)[] query) =>
        Prefix + path + (query.Length == 0 ? "" : "?" + string.Join("&", query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}")));
}
