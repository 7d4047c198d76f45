namespace ChatBotKit.Events;

/// <summary>
/// Names the chat platform an event came from. An open set: connectors may define their own
/// values; comparison is case-insensitive.
/// </summary>
public readonly struct ChatPlatform : IEquatable<ChatPlatform>
{
    private readonly string? _value;

    /// <summary>Creates a platform name.</summary>
    /// <exception cref="ArgumentException">The value is empty or whitespace.</exception>
    public ChatPlatform(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Twitch chat.</summary>
    public static ChatPlatform Twitch { get; } = new("twitch");

    /// <summary>YouTube live chat.</summary>
    public static ChatPlatform YouTube { get; } = new("youtube");

    /// <summary>CyTube, usually reached through Kryten over NATS.</summary>
    public static ChatPlatform CyTube { get; } = new("cytube");

    /// <summary>The local console source.</summary>
    public static ChatPlatform Console { get; } = new("console");

    /// <summary>The platform name as given.</summary>
    public string Value => _value ?? "unknown";

    /// <inheritdoc />
    public bool Equals(ChatPlatform other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChatPlatform other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two platforms case-insensitively.</summary>
    public static bool operator ==(ChatPlatform left, ChatPlatform right) => left.Equals(right);

    /// <summary>Compares two platforms case-insensitively.</summary>
    public static bool operator !=(ChatPlatform left, ChatPlatform right) => !left.Equals(right);
}
