using System.Globalization;
using System.Text;
using ChatBotKit.Hosting.Interactions;
using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>The overview's engagement part: a bot's replies and the share that drew engagement, by trigger and by channel.</summary>
internal static class EngagementView
{
    /// <summary>Appends the bot's engagement, or why there is none to show.</summary>
    public static void Append(StringBuilder html, EngagementTally? tally, string bot)
    {
        html.Append("<h3>Engagement</h3>");
        if (tally is null)
        {
            html.Append("<p class=\"engagement\">The interaction log is off; turn it on with <code>--interaction-log &lt;dir&gt;</code> or <code>WithInteractionLog</code>.</p>");
            return;
        }

        var triggers = tally.ByTrigger(bot);
        if (triggers.Count == 0)
        {
            html.Append("<p class=\"engagement\">No reply's engagement window has closed yet (each is watched for 60 s).</p>");
            return;
        }

        html.Append("<table class=\"engagement by-trigger\"><tr><th>Trigger</th><th>Replies</th><th>Engaged</th><th>Rate</th></tr>");
        foreach (var (trigger, count) in triggers)
        {
            Row(html, "trigger", trigger, count);
        }

        html.Append("</table><table class=\"engagement by-channel\"><tr><th>Channel</th><th>Replies</th><th>Engaged</th><th>Rate</th></tr>");
        foreach (var (platform, channel, count) in tally.ByChannel(bot))
        {
            Row(html, "channel", platform + "/" + channel, count);
        }

        html.Append("</table>");
    }

    private static void Row(StringBuilder html, string kind, string name, EngagementCount count) =>
        html.Append(CultureInfo.InvariantCulture, $"""<tr data-{kind}="{H(name)}"><td>{H(name)}</td><td>{count.Replies}</td><td>{count.Engaged}</td><td>{H(count.Rate * 100)} %</td></tr>""");
}
