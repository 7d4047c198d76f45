namespace ChatBotKit.Sources;

/// <summary>What a platform lets the bot send.</summary>
public sealed record PlatformLimits
{
    /// <summary>Limits for a source with no platform rules of its own (console, replay).</summary>
    public static PlatformLimits Default { get; } = new();

    /// <summary>The longest message the platform accepts, in UTF-16 code units. Default 500.</summary>
    public int MaxMessageLength { get; init; } = 500;

    /// <summary>How many messages the bot may send per <see cref="SendWindow"/>. Default 20.</summary>
    public int MessagesPerWindow { get; init; } = 20;

    /// <summary>The window <see cref="MessagesPerWindow"/> counts over. Default 30 seconds.</summary>
    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(30);
}
