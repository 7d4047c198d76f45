namespace ChatBotKit.Sources;

/// <summary>The outcome in a <see cref="SendResult"/>.</summary>
public enum SendStatus
{
    /// <summary>The platform has the message.</summary>
    Sent,

    /// <summary>The message is queued in the source and goes out when the platform's limits allow.</summary>
    Queued,

    /// <summary>The message will never be sent.</summary>
    Dropped,
}
