using ChatBotKit.Controls;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// The avatar on the dashboard: the connection to VTube Studio, the expression showing, the motions
/// waiting, and one button per expression the avatar is set up with (its configured expressions and
/// the expressions its emotions map to), shown as <c>!expression</c> shows them, plus one that clears it.
/// </summary>
internal sealed class AvatarControlPanel(VTubeStudioAvatar avatar) : IControlPanel
{
    private const string ExpressionPrefix = "expression:";
    private const string Clear = "clear";

    public string Title => "Avatar";

    public ControlPanelView Describe()
    {
        var lines = new List<ControlPanelLine>
        {
            new("VTube Studio", avatar.Client.State.ToString().ToLowerInvariant()),
            new("Expression", avatar.Expressions.Current?.Name ?? "none"),
            new("Motions waiting", avatar.Motions.Waiting.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var names = avatar.Settings.Expressions.Keys.Concat(avatar.Settings.Emotions.Values).Distinct(StringComparer.OrdinalIgnoreCase);
        return new ControlPanelView(lines, [.. names.Select(n => new ControlAction(ExpressionPrefix + n, n)), new ControlAction(Clear, "Clear expression")]);
    }

    public async Task<string> InvokeAsync(string action, CancellationToken cancellationToken = default)
    {
        if (action == Clear)
        {
            avatar.Expressions.Clear(avatar.Settings.CommandPriority);
            return "Cleared the expression.";
        }

        if (!action.StartsWith(ExpressionPrefix, StringComparison.Ordinal))
        {
            return $"The avatar has no action '{action}'.";
        }

        try
        {
            var shown = await avatar.ShowExpressionAsync(action[ExpressionPrefix.Length..], avatar.Settings.CommandPriority, avatar.Settings.CommandDuration, cancellationToken).ConfigureAwait(false);
            return $"Showing {shown.Name}.";
        }
        catch (VTubeStudioException ex)
        {
            return ex.Message;
        }
    }
}
