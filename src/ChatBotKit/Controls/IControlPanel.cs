namespace ChatBotKit.Controls;

/// <summary>
/// A part of a bot — its voice, its avatar — on a control surface such as the web dashboard: a few
/// lines of what it is doing and the buttons a streamer may press. A part registers its panel with
/// <see cref="ChatBotBuilder.AddControlPanel"/>; the surface calls <see cref="Describe"/> often (keep it
/// quick and free of I/O) and <see cref="InvokeAsync"/> when a button is pressed.
/// </summary>
public interface IControlPanel
{
    /// <summary>The panel's heading, for example <c>"Voice"</c>.</summary>
    string Title { get; }

    /// <summary>What the part is doing now and which actions it offers.</summary>
    ControlPanelView Describe();

    /// <summary>
    /// Takes the action named <paramref name="action"/> (a <see cref="ControlAction.Name"/> of the
    /// panel's view) and returns one line saying what happened. An action the panel does not know
    /// returns a line saying so rather than throwing.
    /// </summary>
    Task<string> InvokeAsync(string action, CancellationToken cancellationToken = default);
}
