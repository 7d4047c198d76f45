namespace ChatBotKit.Triggers;

/// <summary>Decides, after a trigger was chosen, whether the bot replies after all (the contextual trigger asks the LLM).</summary>
public delegate ValueTask<bool> ReplyConfirmation(ReplyContext context, CancellationToken cancellationToken);
