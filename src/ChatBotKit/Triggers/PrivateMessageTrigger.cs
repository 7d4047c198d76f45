namespace ChatBotKit.Triggers;

/// <summary>Fires on every private message (whisper) to the bot.</summary>
public sealed class PrivateMessageTrigger : ChatTrigger
{
    /// <inheritdoc />
    public override string Kind => "private-message";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) =>
        context.Message is { MessageKind: Events.MessageKind.Private };
}
