namespace ChatBotKit.Events;

/// <summary>
/// A platform notice in a channel that is not a viewer message: a system message (Twitch
/// <c>NOTICE</c>, for example that the bot's message was rejected), an announcement, a chat mode
/// change, a cleared chat or a community event without a record of its own.
/// </summary>
public sealed record ChannelNotice : ChatEvent
{
    /// <summary>The platform's name for the notice (Twitch's <c>msg-id</c>, for example <c>msg_ratelimit</c> or <c>announcement</c>).</summary>
    public required string NoticeId { get; init; }

    /// <summary>The notice's text, when it has one.</summary>
    public string? Text { get; init; }

    /// <summary>The user the notice is about or from, when there is one.</summary>
    public ChatUser? User { get; init; }

    /// <inheritdoc />
    public override string Kind => "notice";
}
