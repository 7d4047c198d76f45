namespace ChatBotKit.Controls;

/// <summary>A button of a <see cref="IControlPanel"/>.</summary>
/// <param name="Name">What <see cref="IControlPanel.InvokeAsync"/> receives when it is pressed, for example <c>"interrupt"</c>.</param>
/// <param name="Label">The button's text, for example <c>"Interrupt"</c>.</param>
public sealed record ControlAction(string Name, string Label);
