namespace ChatBotKit.VTubeStudio;

/// <summary>A motion: a hotkey that plays an animation, and how long it plays before the next may start.</summary>
/// <param name="Name">The name viewers use.</param>
/// <param name="Hotkey">The hotkey's name or id in VTube Studio.</param>
/// <param name="Duration">How long the animation lasts; the next motion waits for it.</param>
public sealed record AvatarMotion(string Name, string Hotkey, TimeSpan Duration);
