namespace ChatBotKit.Triggers;

/// <summary>
/// The priorities the built-in triggers give their replies (<see cref="TriggerPolicy.Priority"/>),
/// one scale for everything a reply does: a newer reply of higher priority interrupts the one being
/// spoken, one of equal or lower priority waits its turn, and what the avatar does follows the voice.
/// So a reply to chat cuts idle chatter short but waits for the thanks for a raid, and what the
/// streamer asks for comes before everything.
/// </summary>
public static class ReplyPriority
{
    /// <summary>Idle chatter (<see cref="IdleChatterTrigger"/>): any other reply interrupts it.</summary>
    public const int Idle = -1;

    /// <summary>Replies to chat: mentions, keywords, commands, the contextual trigger (the default).</summary>
    public const int Chat = 0;

    /// <summary>Thanks for follows, subscriptions, raids, cheers and milestones: chat replies wait for them.</summary>
    public const int Event = 1;

    /// <summary>What the streamer asks the bot to say or react to: interrupts everything else.</summary>
    public const int Streamer = 2;
}
