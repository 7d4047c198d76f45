namespace ChatBotKit.VTubeStudio;

/// <summary>The model VTube Studio shows.</summary>
/// <param name="Loaded">Whether a model is loaded at all.</param>
/// <param name="Name">Its name; empty when none is loaded.</param>
/// <param name="Id">Its unique id; empty when none is loaded.</param>
public sealed record VTubeStudioModel(bool Loaded, string Name, string Id);
