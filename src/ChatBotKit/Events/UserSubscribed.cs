namespace ChatBotKit.Events;

/// <summary>A user subscribed (or became a member), resubscribed, or was gifted a subscription.</summary>
public sealed record UserSubscribed : ChatEvent
{
    /// <summary>The subscriber.</summary>
    public required ChatUser User { get; init; }

    /// <summary>The platform's tier name (for example <c>1000</c> or <c>Prime</c> on Twitch).</summary>
    public string? Tier { get; init; }

    /// <summary>Cumulative months, when the platform reports them.</summary>
    public int Months { get; init; }

    /// <summary>Who gifted the subscription, when it was a gift.</summary>
    public ChatUser? Gifter { get; init; }

    /// <summary>The message the subscriber shared, if any.</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string Kind => "subscription";

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
