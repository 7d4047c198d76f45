using System.Globalization;
using System.Text;
using ChatBotKit.Controls;
using static ChatBotKit.Hosting.AspNetCore.Dashboard.DashboardHtml;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>
/// The panels a bot's parts registered (<see cref="ChatBotBuilder.AddControlPanel"/>): the voice's
/// speech queue and Interrupt button, the avatar's expression buttons. Each shows its lines, its buttons
/// (plain POSTs to <c>/panel</c>) and the answer to the last button pressed.
/// </summary>
internal static class ControlPanelsView
{
    /// <summary>Appends the panels of <paramref name="runtime"/>'s definition in force.</summary>
    public static void Append(StringBuilder html, DashboardServices dashboard, ChatBotRuntime runtime)
    {
        foreach (var panel in runtime.Engine.Definition.ControlPanels)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="panel" data-panel="{H(panel.Title)}"><h3>{H(panel.Title)}</h3>""");
            if (Describe(panel) is not { } view)
            {
                html.Append("<p class=\"problem\">This part could not say what it is doing.</p></div>");
                continue;
            }

            html.Append("<dl>");
            foreach (var line in view.Lines)
            {
                html.Append(CultureInfo.InvariantCulture, $"<dt>{H(line.Label)}</dt><dd>{H(line.Value)}</dd>");
            }

            html.Append("</dl><p>");
            foreach (var action in view.Actions)
            {
                html.Append(Button("/panel", action.Label, ("bot", runtime.Name), ("panel", panel.Title), ("action", action.Name))).Append(' ');
            }

            html.Append("</p>");
            if (dashboard.PanelResults.TryGetValue((runtime.Name, panel.Title), out var result))
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"result\">{H(result)}</p>");
            }

            html.Append("</div>");
        }
    }

    // A panel that fails to describe itself must not take the overview (and its live stream) down with it.
    private static ControlPanelView? Describe(IControlPanel panel)
    {
        try
        {
            return panel.Describe();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
