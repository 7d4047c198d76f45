namespace ChatBotKit.Controls;

/// <summary>What a <see cref="IControlPanel"/> shows: its state as labelled lines, then its buttons.</summary>
/// <param name="Lines">The state, for example "Speaking" and the words being heard.</param>
/// <param name="Actions">The buttons, in the order they are shown.</param>
public sealed record ControlPanelView(IReadOnlyList<ControlPanelLine> Lines, IReadOnlyList<ControlAction> Actions);
