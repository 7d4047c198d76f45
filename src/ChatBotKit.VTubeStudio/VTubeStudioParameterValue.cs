namespace ChatBotKit.VTubeStudio;

/// <summary>A value to inject into a VTube Studio input parameter (such as <c>MouthOpen</c>) or a custom one.</summary>
/// <param name="Id">The parameter's id.</param>
/// <param name="Value">The value, between -1,000,000 and 1,000,000.</param>
/// <param name="Weight">How much of the value to mix with the face tracking, 0–1; <see langword="null"/> for all of it.</param>
public readonly record struct VTubeStudioParameterValue(string Id, double Value, double? Weight = null);
