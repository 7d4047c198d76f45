using System.Text.Json;

namespace ChatBotKit.VTubeStudio;

/// <summary>An event VTube Studio sent to a subscription, such as <c>ModelLoadedEvent</c> or <c>HotkeyTriggeredEvent</c>.</summary>
/// <param name="Name">The event's <c>messageType</c>, for example <c>ModelLoadedEvent</c>.</param>
/// <param name="Data">The event's <c>data</c> object, as VTube Studio sent it.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record VTubeStudioEvent(string Name, JsonElement Data, DateTimeOffset ReceivedAt);
