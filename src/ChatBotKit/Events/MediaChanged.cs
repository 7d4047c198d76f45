namespace ChatBotKit.Events;

/// <summary>The media playing in the channel changed (CyTube playlists, stream category changes).</summary>
public sealed record MediaChanged : ChatEvent
{
    /// <summary>The new media's title.</summary>
    public required string Title { get; init; }

    /// <summary>The platform's id for the media, when known.</summary>
    public string? MediaId { get; init; }

    /// <summary>The media's length, when known.</summary>
    public TimeSpan? Duration { get; init; }

    /// <inheritdoc />
    public override string Kind => "media-changed";
}
