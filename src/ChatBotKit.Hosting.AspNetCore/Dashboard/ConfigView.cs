using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>The configuration page: the file in an editor, apply and roll back, and what came of the last edit.</summary>
internal static class ConfigView
{
    public static string Page(ConfigurationEditor? editor)
    {
        if (editor is null)
        {
            return DashboardHtml.Page("Configuration", "<p>No configuration file: start with one beside the script (bot.yaml) or with --config.</p>");
        }

        return DashboardHtml.Page("Configuration", $"""
            <p>Editing <code>{H(editor.Path)}</code>. Applying validates the file, writes it in one step, keeps the previous version and reloads the bot, as SIGHUP does.</p>
            <form id="config-form" hx-post="{Prefix}/config" hx-target="#config-result" hx-swap="innerHTML" method="post" action="{Prefix}/config">
            <textarea name="text" rows="20" cols="90" spellcheck="false">{H(editor.Read())}</textarea>
            <p><button>Apply</button></p></form>
            <form hx-post="{Prefix}/config/rollback" hx-target="#config-result" hx-swap="innerHTML" method="post" action="{Prefix}/config/rollback"><button id="rollback">Roll back to the previous version</button></form>
            <div id="config-result"></div>
            """);
    }

    public static string Result(ConfigurationEdit edit, ConfigurationEditor editor)
    {
        if (!edit.Succeeded)
        {
            return $"""<div class="problem"><p>Refused; nothing changed.</p><pre>{H(edit.Problem)}</pre></div>""";
        }

        var restart = edit.NeedRestart.Count == 0
            ? "<p>Every change is in force.</p>"
            : $"<p>These settings are read at start and take effect after a restart: {H(string.Join(", ", edit.NeedRestart))}.</p>";
        return $"""<div class="ok"><p>Applied and reloaded.</p>{restart}<pre class="current">{H(editor.Read())}</pre></div>""";
    }
}
