namespace ChatBotKit.Controls;

/// <summary>One line of a <see cref="ControlPanelView"/>: a label and its value, both plain text.</summary>
/// <param name="Label">What the value is, for example <c>"Now speaking"</c>.</param>
/// <param name="Value">The value.</param>
public sealed record ControlPanelLine(string Label, string Value);
