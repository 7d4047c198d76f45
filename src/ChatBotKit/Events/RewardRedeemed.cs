namespace ChatBotKit.Events;

/// <summary>A viewer redeemed one of the channel's custom rewards (Twitch channel points).</summary>
public sealed record RewardRedeemed : ChatEvent
{
    /// <summary>Who redeemed it.</summary>
    public required ChatUser User { get; init; }

    /// <summary>The reward's title, as the channel named it.</summary>
    public required string RewardTitle { get; init; }

    /// <summary>The platform's id for the reward.</summary>
    public string? RewardId { get; init; }

    /// <summary>What the reward cost, in the platform's points.</summary>
    public int Cost { get; init; }

    /// <summary>The text the viewer entered, for a reward that asks for one.</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string Kind => "reward-redeemed";

    /// <inheritdoc />
    public override ChatUser? Author => User;
}
