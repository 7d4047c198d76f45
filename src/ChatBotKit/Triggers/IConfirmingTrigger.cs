namespace ChatBotKit.Triggers;

/// <summary>
/// A trigger whose cheap <see cref="ITrigger.Matches"/> is only a pre-check and that confirms,
/// off the channel loop, before the bot replies (the contextual trigger asks the LLM).
/// </summary>
public interface IConfirmingTrigger : ITrigger
{
    /// <summary>Whether the bot should reply after all.</summary>
    ValueTask<bool> ConfirmAsync(ReplyContext context, CancellationToken cancellationToken = default);
}
