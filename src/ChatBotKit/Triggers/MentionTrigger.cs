namespace ChatBotKit.Triggers;

/// <summary>
/// Fires when a viewer names the bot or one of its aliases as a whole word, with or without
/// <c>@</c>, in any letter case.
/// </summary>
public sealed class MentionTrigger : ChatTrigger
{
    /// <inheritdoc />
    public override string Kind => "mention";

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context)
    {
        if (context.Message is not { MessageKind: not Events.MessageKind.Private } message)
        {
            return false;
        }

        var text = message.Text.AsSpan();
        if (WordMatcher.ContainsWord(text, context.Bot.Name))
        {
            return true;
        }

        var aliases = context.Bot.Aliases;
        for (var i = 0; i < aliases.Count; i++)
        {
            if (WordMatcher.ContainsWord(text, aliases[i]))
            {
                return true;
            }
        }

        return false;
    }
}
