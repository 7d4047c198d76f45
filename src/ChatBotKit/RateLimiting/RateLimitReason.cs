namespace ChatBotKit.RateLimiting;

/// <summary>Which limit blocked a reply.</summary>
public enum RateLimitReason
{
    /// <summary>Nothing did: the reply is allowed.</summary>
    None,

    /// <summary>The trigger is cooling down in this channel.</summary>
    TriggerCooldown,

    /// <summary>The user used up their replies.</summary>
    User,

    /// <summary>The channel used up its replies.</summary>
    Channel,

    /// <summary>The bot used up its replies across all channels.</summary>
    Global,

    /// <summary>The bot spoke in this channel too recently.</summary>
    MinimumGap,
}
