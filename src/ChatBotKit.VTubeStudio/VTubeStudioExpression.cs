namespace ChatBotKit.VTubeStudio;

/// <summary>An expression of the loaded model and whether it is on.</summary>
/// <param name="Name">The expression's name.</param>
/// <param name="File">Its <c>.exp3.json</c> file, which activates it.</param>
/// <param name="Active">Whether it is on now.</param>
public sealed record VTubeStudioExpression(string Name, string File, bool Active);
