using System.Globalization;
using System.Text;
using ChatBotKit.Engine;
using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>The prompt test: a message run through the bot without posting, and what each stage made of it.</summary>
internal static class PromptTestView
{
    public static string Page(DashboardServices dashboard)
    {
        var bots = new StringBuilder();
        foreach (var bot in dashboard.Bots.All)
        {
            bots.Append(CultureInfo.InvariantCulture, $"<option>{H(bot.Name)}</option>");
        }

        return DashboardHtml.Page("Prompt test", $"""
            <form id="prompt-test" hx-post="{Prefix}/prompt-test" hx-target="#prompt-result" hx-swap="innerHTML" method="post" action="{Prefix}/prompt-test">
            <label>Bot <select name="bot">{bots}</select></label>
            <label>Platform <input name="platform" value="console"></label>
            <label>Channel <input name="channel" value="test"></label>
            <label>Viewer <input name="user" value="tester"></label>
            <label>Message <input name="text" required size="60"></label>
            <button>Run</button></form>
            <div id="prompt-result"></div>
            """);
    }

    public static string Result(ReplyRehearsal result)
    {
        var html = new StringBuilder("<dl class=\"rehearsal\">")
            .Append(CultureInfo.InvariantCulture, $"<dt>Trigger</dt><dd class=\"trigger\">{H(result.Trigger ?? "none")}</dd><dt>Prompt</dt><dd>");
        if (result.Prompt.Count == 0)
        {
            html.Append("<p>No LLM prompt (a handler answers, or nothing fires).</p>");
        }

        foreach (var message in result.Prompt)
        {
            html.Append(CultureInfo.InvariantCulture, $"<pre class=\"prompt\"><b>{H(message.Role.Value)}</b>: {H(message.Text)}</pre>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</dd><dt>Raw output</dt><dd><pre class=\"raw\">{H(result.RawReply)}</pre></dd><dt>Filters</dt><dd><table class=\"filters\"><tr><th>Filter</th><th>Verdict</th><th>Messages after it</th></tr>");
        foreach (var verdict in result.Filters)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(verdict.Filter)}</td><td>{(verdict.Rejection is null ? "passed" : "rejected: " + H(verdict.Rejection))}</td><td>{H(string.Join(" / ", verdict.Messages))}</td></tr>");
        }

        html.Append("</table></dd><dt>Final text</dt><dd class=\"final\">");
        html.Append(result.Messages.Count == 0 ? $"<p class=\"problem\">Nothing would be sent: {H(result.Problem)}</p>" : string.Concat(result.Messages.Select(m => $"<p>{H(m)}</p>")));
        return html.Append("</dd></dl>").ToString();
    }
}
