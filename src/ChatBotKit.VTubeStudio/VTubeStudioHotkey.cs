namespace ChatBotKit.VTubeStudio;

/// <summary>A hotkey of the loaded model.</summary>
/// <param name="Name">The name the streamer gave it.</param>
/// <param name="Type">What it does: <c>ToggleExpression</c>, <c>TriggerAnimation</c>, <c>ChangeVTSModel</c>, …</param>
/// <param name="File">The expression, animation or model file it uses; empty when none.</param>
/// <param name="Id">The unique id to trigger it by.</param>
public sealed record VTubeStudioHotkey(string Name, string Type, string File, string Id)
{
    /// <summary>Whether the hotkey toggles an expression.</summary>
    public bool TogglesExpression => Type == "ToggleExpression";

    /// <summary>Whether the hotkey plays an animation.</summary>
    public bool PlaysAnimation => Type == "TriggerAnimation";
}
