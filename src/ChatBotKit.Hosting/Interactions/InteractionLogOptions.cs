namespace ChatBotKit.Hosting.Interactions;

/// <summary>
/// The opt-in interaction log (<c>WithInteractionLog</c>): each reply of the bot with the event that
/// caused it and what chat did in the <see cref="EngagementWindow"/> after it, one JSONL file per day.
/// </summary>
public sealed record InteractionLogOptions
{
    /// <summary>The folder of the daily files <c>interactions-YYYY-MM-DD.jsonl</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>How many days of files are kept; older ones are deleted. Default 30.</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>How long after a reply chat is watched for engagement. Default 60 seconds.</summary>
    public TimeSpan EngagementWindow { get; init; } = TimeSpan.FromSeconds(60);
}
