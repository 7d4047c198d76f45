namespace ChatBotKit.Prompting;

/// <summary>How a <see cref="BotMood"/> moves: where it rests, how fast it gets there, and what each kind of event does to it.</summary>
public sealed record MoodOptions
{
    /// <summary>What each event kind does unless told otherwise: raids excite most, chat a little.</summary>
    public static IReadOnlyDictionary<string, Mood> DefaultImpulses { get; } = new Dictionary<string, Mood>(StringComparer.OrdinalIgnoreCase)
    {
        ["message"] = new(0.02, 0.03),
        ["follow"] = new(0.15, 0.1),
        ["subscription"] = new(0.3, 0.3),
        ["cheer"] = new(0.25, 0.3),
        ["super-chat"] = new(0.25, 0.3),
        ["reward-redeemed"] = new(0.1, 0.15),
        ["raid"] = new(0.4, 0.6),
        ["ban"] = new(-0.2, 0.1),
    };

    /// <summary>The mood the bot returns to when nothing happens. Default slightly cheerful (0.1, 0).</summary>
    public Mood Baseline { get; init; } = new(0.1, 0);

    /// <summary>How long the distance to the baseline takes to halve. Default 3 minutes.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>What an event of each <see cref="Events.ChatEvent.Kind"/> adds to the mood; kinds not listed leave it alone.</summary>
    public IReadOnlyDictionary<string, Mood> Impulses { get; init; } = DefaultImpulses;
}
