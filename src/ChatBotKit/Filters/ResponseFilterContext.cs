using ChatBotKit.Events;
using ChatBotKit.Triggers;

namespace ChatBotKit.Filters;

/// <summary>What filters know about the reply's destination.</summary>
public sealed class ResponseFilterContext
{
    /// <summary>The bot's names (to strip an echoed "Name:" prefix).</summary>
    public required BotIdentity Bot { get; init; }

    /// <summary>The platform the reply goes to.</summary>
    public required ChatPlatform Platform { get; init; }

    /// <summary>The longest message the platform accepts.</summary>
    public required int MaxMessageLength { get; init; }

    /// <summary>The bot's most recent messages in the channel, oldest first.</summary>
    public IReadOnlyList<string> RecentBotMessages { get; init; } = [];

    /// <summary>
    /// Whether the reply was written by the language model (or is its fallback), rather than by a
    /// command handler, whose answers may repeat on purpose. Default <see langword="true"/>.
    /// </summary>
    public bool FromLanguageModel { get; init; } = true;
}
