using System.Globalization;
using System.Text;
using ChatBotKit.Events;
using ChatBotKit.Hosting.Health;
using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// The overview: each bot with its pause switch, its sources and their connection state, its channels
/// with queue depth and replies per minute, its engagement, its LLM backend's health, the panels of its
/// parts (voice, avatar), and the last reload's result.
/// </summary>
internal static class OverviewView
{
    /// <summary>The whole page; the part inside is refreshed live from <c>/stream/overview</c>.</summary>
    public static string Page(DashboardServices dashboard) =>
        DashboardHtml.Page("Overview", $"""<div id="overview" data-stream="{Prefix}/stream/overview" data-event="overview" data-mode="replace">{Render(dashboard)}</div>""");

    /// <summary>The live part.</summary>
    public static string Render(DashboardServices dashboard)
    {
        var health = dashboard.Health.Check();
        var html = new StringBuilder();
        if (health.Bots.Count == 0)
        {
            html.Append("<p>No bot is running.</p>");
        }

        foreach (var bot in health.Bots)
        {
            if (dashboard.Bots.Find(bot.Name) is { } runtime)
            {
                Bot(html, dashboard, runtime, bot);
            }
        }

        Reload(html, dashboard.Reloader.Last);
        return html.ToString();
    }

    private static void Bot(StringBuilder html, DashboardServices dashboard, ChatBotRuntime runtime, BotHealth bot)
    {
        var pauses = runtime.Engine.Pauses;
        var paused = pauses.IsBotPaused;
        html.Append(CultureInfo.InvariantCulture, $"""<section class="bot" data-bot="{H(bot.Name)}"><h2>{H(bot.Name)} <span class="status {H(bot.Status)}">{H(bot.Status)}</span>{(paused ? " <span class=\"status paused\">paused</span>" : "")}</h2>""")
            .Append(CultureInfo.InvariantCulture, $"<p>Definition version {bot.Generation} · queued events {bot.QueueDepth} · ")
            .Append(Button("/pause", paused ? "Resume bot" : "Pause bot", ("bot", bot.Name), ("scope", "bot"), ("paused", paused ? "false" : "true")))
            .Append("</p><h3>Sources</h3><table class=\"sources\"><tr><th>Source</th><th>Platform</th><th>State</th><th>Channels</th><th>Events</th><th>Last event</th><th></th></tr>");
        foreach (var source in bot.Sources)
        {
            var sourcePaused = pauses.IsSourcePaused(source.Name);
            var control = Button("/pause", sourcePaused ? "Resume source" : "Pause source", ("bot", bot.Name), ("scope", "source"), ("source", source.Name), ("paused", sourcePaused ? "false" : "true"));
            html.Append(CultureInfo.InvariantCulture, $"""<tr data-source="{H(source.Name)}"><td>{H(source.Name)}</td><td>{H(source.Platform)}</td><td class="state {H(source.State)}">{H(source.State)}{(sourcePaused ? " (paused)" : "")}</td><td>{H(string.Join(", ", source.Channels))}</td><td>{source.Events}</td><td>{(source.LastEventAgeSeconds is { } age ? H(age) + " s ago" : "never")}</td><td>{control}</td></tr>""");
        }

        html.Append("</table><h3>Channels</h3><table class=\"channels\"><tr><th>Platform</th><th>Channel</th><th>Queue</th><th>Dropped</th><th>Replies/min</th><th>In flight</th><th></th></tr>");
        var now = dashboard.Time.GetUtcNow();
        foreach (var channel in bot.Channels)
        {
            var channelPaused = pauses.IsChannelPaused(new ChatPlatform(channel.Platform), channel.Channel);
            var chat = H(Link("/chat", ("bot", bot.Name), ("platform", channel.Platform), ("channel", channel.Channel)));
            html.Append(CultureInfo.InvariantCulture, $"""<tr data-channel="{H(channel.Channel)}"><td>{H(channel.Platform)}</td><td><a href="{chat}">{H(channel.Channel)}</a>{(channelPaused ? " (paused)" : "")}</td><td>{channel.QueueDepth}</td><td>{channel.Dropped}</td><td>{dashboard.Feed.Replies.PerMinute(bot.Name, channel.Platform, channel.Channel, now)}</td><td>{channel.RepliesInFlight}</td><td>""")
                .Append(Button("/pause", channelPaused ? "Resume channel" : "Pause channel", ("bot", bot.Name), ("scope", "channel"), ("platform", channel.Platform), ("channel", channel.Channel), ("paused", channelPaused ? "false" : "true")))
                .Append("</td></tr>");
        }

        html.Append("</table>");
        EngagementView.Append(html, dashboard.Engagement, bot.Name);
        var llm = bot.Llm;
        html.Append("<h3>LLM</h3>")
            .Append(CultureInfo.InvariantCulture, $"""<p class="llm">{H(Redaction.Url(llm.Backend))} · {H(llm.Reachability)}{(llm.Detail is null ? "" : " (" + H(Redaction.Url(llm.Detail)) + ")")} · {H(llm.Level)} · {llm.Calls} calls · {H(llm.ErrorRate * 100)} % errors · mean latency {(llm.MeanLatencySeconds is { } l ? H(l) + " s" : "n/a")}</p>""");
        Checks(html, bot.Checks);
        ControlPanelsView.Append(html, dashboard, runtime);
        html.Append("</section>");
    }

    // The bot's own health checks (its voice, for one), as /health lists them.
    private static void Checks(StringBuilder html, IReadOnlyList<PartHealth> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }

        html.Append("<h3>Parts</h3><table class=\"checks\"><tr><th>Part</th><th>Status</th><th>Detail</th></tr>");
        foreach (var check in checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<tr data-check="{H(check.Name)}"><td>{H(check.Name)}</td><td class="status {H(check.Status)}">{H(check.Status)}</td><td>{H(check.Description ?? "")}</td></tr>""");
        }

        html.Append("</table>");
    }

    private static void Reload(StringBuilder html, LastReload? last)
    {
        html.Append("<section><h2>Last reload</h2>");
        if (last is null)
        {
            html.Append("<p>None since start.</p>");
        }
        else if (last.Result.Succeeded)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"ok\">{H(last.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}: reloaded {H(string.Join(", ", last.Result.Rebuilt))}.</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">{H(last.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}: refused; the bots kept their previous version.</p><pre class=\"diagnostics\">{H(last.Result.Problem)}</pre>");
        }

        html.Append("</section>");
    }
}
