namespace ChatBotKit.Events;

/// <summary>How a chat message was sent.</summary>
public enum MessageKind
{
    /// <summary>An ordinary message in the channel.</summary>
    Public,

    /// <summary>A private message or whisper to the bot.</summary>
    Private,

    /// <summary>An action (<c>/me</c>) in the channel.</summary>
    Action,
}
