using ChatBotKit.Events;

namespace ChatBotKit.Sources;

/// <summary>
/// One line of a chat log in JSON Lines form, as <see cref="ReplayChatSource"/> reads it:
/// <c>{"ts":"2026-01-01T20:00:00Z","platform":"twitch","channel":"c","user":"alice","text":"hi @kit","roles":["subscriber"],"id":"m1"}</c>.
/// <c>ts</c>, <c>user</c> and <c>text</c> are required; <see cref="TryParse"/> explains what is wrong with a line it rejects.
/// </summary>
public sealed partial record ChatLogLine
{
    /// <summary>When the message was sent (<c>ts</c>): ISO-8601; without an offset it is UTC.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Who sent it (<c>user</c>): their login or display name.</summary>
    public required string User { get; init; }

    /// <summary>The message text (<c>text</c>).</summary>
    public required string Text { get; init; }

    /// <summary>The platform (<c>platform</c>), when the line names one.</summary>
    public ChatPlatform? Platform { get; init; }

    /// <summary>The channel (<c>channel</c>), when the line names one.</summary>
    public string? Channel { get; init; }

    /// <summary>The sender's roles (<c>roles</c>); unknown role names are ignored.</summary>
    public ChatRoles Roles { get; init; }

    /// <summary>The platform's message id (<c>id</c>), when the line has one.</summary>
    public string? Id { get; init; }

    /// <summary>Public (the default), action or private (<c>kind</c>).</summary>
    public MessageKind Kind { get; init; }

    /// <summary>
    /// Makes the chat event for this line, using <paramref name="defaultPlatform"/> and
    /// <paramref name="defaultChannel"/> where the line names none.
    /// </summary>
    /// <param name="defaultPlatform">The platform for a line without <c>platform</c>.</param>
    /// <param name="defaultChannel">The channel for a line without <c>channel</c>.</param>
    /// <param name="rawRepresentation">Kept as <see cref="ChatEvent.RawRepresentation"/>; default this record.</param>
    public MessageReceived ToMessage(ChatPlatform defaultPlatform, string defaultChannel, object? rawRepresentation = null) => new()
    {
        Platform = Platform ?? defaultPlatform,
        Channel = Channel ?? defaultChannel,
        Timestamp = Timestamp,
        Id = Id,
        User = ChatUser.Named(User, Roles),
        Text = Text,
        MessageKind = Kind,
        RawRepresentation = rawRepresentation ?? this,
    };
}
