using ChatBotKit.Controls;

namespace ChatBotKit;

public sealed partial class ChatBotBuilder
{
    private readonly List<IControlPanel> _controlPanels = [];

    /// <summary>The panels the bot's parts show on a control surface such as the web dashboard.</summary>
    public IReadOnlyList<IControlPanel> ControlPanels => _controlPanels;

    /// <summary>
    /// Shows <paramref name="panel"/> on the bot's control surfaces: a part of the bot (its voice,
    /// its avatar) gives its state and buttons to the web dashboard without either knowing the other.
    /// </summary>
    public ChatBotBuilder AddControlPanel(IControlPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        _controlPanels.Add(panel);
        return this;
    }
}
