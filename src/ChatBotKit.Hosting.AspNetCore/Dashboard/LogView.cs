using System.Globalization;
using System.Text;
using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>The live decision log (why the bot spoke or stayed quiet) and the live chat of one channel.</summary>
internal static class LogView
{
    private static readonly string[] Outcomes =
        ["replied", "fallbacksent", "notrigger", "ignored", "ratelimited", "llmbusy", "declined", "llmtimeout", "llmfailed", "noreply", "handlerfailed", "filtered", "sendfailed", "dropped", "paused", DashboardEntry.Said];

    /// <summary>The decision log, filtered by <paramref name="filter"/>, newest first, with its live stream.</summary>
    public static string DecisionsPage(DashboardServices dashboard, LogFilter filter)
    {
        var html = new StringBuilder($"""<form method="get" action="{Prefix}/decisions" class="filters">""")
            .Append(CultureInfo.InvariantCulture, $"""<label>Bot <input name="bot" value="{H(filter.Bot)}"></label> <label>Channel <input name="channel" value="{H(filter.Channel)}"></label> <label>User <input name="user" value="{H(filter.User)}"></label> <label>Outcome <select name="outcome"><option value="">any</option>""");
        foreach (var outcome in Outcomes)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<option{(outcome == filter.Outcome ? " selected" : "")}>{outcome}</option>""");
        }

        var stream = H(Link("/stream/decisions", ("bot", filter.Bot), ("channel", filter.Channel), ("user", filter.User), ("outcome", filter.Outcome)));
        html.Append("</select></label> <button>Filter</button></form>")
            .Append("<table class=\"decisions\"><thead><tr><th>Time</th><th>Bot</th><th>Channel</th><th>User</th><th>Message</th><th>Outcome</th><th>Trigger</th><th>Why</th><th>Reply</th></tr></thead>")
            .Append(CultureInfo.InvariantCulture, $"""<tbody id="decisions" data-stream="{stream}" data-event="decision" data-mode="afterbegin">""");
        foreach (var entry in dashboard.Feed.Recent().Where(filter.Matches).Reverse())
        {
            html.Append(DecisionRow(entry));
        }

        return Page("Decisions", html.Append("</tbody></table>").ToString());
    }

    /// <summary>One row of the decision log.</summary>
    public static string DecisionRow(DashboardEntry e) =>
        $"""<tr class="{H(e.Outcome)}"><td>{Time(e)}</td><td>{H(e.Bot)}</td><td>{H(e.Platform)}/{H(e.Channel)}</td><td>{H(e.User)}</td><td>{H(e.Text)}</td><td class="outcome">{H(e.Outcome)}</td><td>{H(e.Trigger)}</td><td>{H(e.Reason)}</td><td>{H(string.Join(" / ", e.Replies))}</td></tr>""";

    /// <summary>The chat of one channel, or the list of channels to pick from.</summary>
    public static string ChatPage(DashboardServices dashboard, string? bot, string? platform, string? channel)
    {
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(platform) || dashboard.Find(bot) is not { } runtime)
        {
            var list = new StringBuilder("<p>Pick a channel:</p><ul>");
            foreach (var b in dashboard.Bots.All)
            {
                foreach (var c in b.Engine.GetChannels())
                {
                    list.Append(CultureInfo.InvariantCulture, $"""<li><a href="{H(Link("/chat", ("bot", b.Name), ("platform", c.Platform.Value), ("channel", c.Channel)))}">{H(b.Name)}: {H(c.Platform.Value)}/{H(c.Channel)}</a></li>""");
                }
            }

            return Page("Chat", list.Append("</ul>").ToString());
        }

        var filter = new LogFilter(runtime.Name, channel, null, null, platform);
        var html = new StringBuilder($"<h2>{H(runtime.Name)} in {H(platform)}/{H(channel)}</h2>")
            .Append(CultureInfo.InvariantCulture, $"""<ol class="chat" id="chat" data-stream="{H(Link("/stream/chat", ("bot", runtime.Name), ("platform", platform), ("channel", channel)))}" data-event="chat" data-mode="beforeend">""");
        foreach (var entry in dashboard.Feed.Recent().Where(filter.Matches))
        {
            html.Append(ChatLines(entry));
        }

        html.Append("</ol>")
            .Append(CultureInfo.InvariantCulture, $"""<form method="post" action="{Prefix}/say" class="say"><input type="hidden" name="bot" value="{H(runtime.Name)}"><input type="hidden" name="platform" value="{H(platform)}"><input type="hidden" name="channel" value="{H(channel)}">""")
            .Append("""<label>Say as the bot <input name="text" maxlength="500" required></label> <button>Send</button></form>""");
        return Page("Chat", html.ToString());
    }

    /// <summary>The chat lines of one log line: the viewer's message, then the bot's replies, marked.</summary>
    public static string ChatLines(DashboardEntry e)
    {
        var html = new StringBuilder();
        if (e.Text is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<li class="viewer"><time>{Time(e)}</time> <b>{H(e.User)}</b>: {H(e.Text)}</li>""");
        }

        foreach (var reply in e.Replies)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<li class="bot"><time>{Time(e)}</time> <b>🤖 {H(e.Bot)}</b>: {H(reply)}</li>""");
        }

        return html.ToString();
    }

    private static string Time(DashboardEntry e) => e.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
