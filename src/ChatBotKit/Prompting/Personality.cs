namespace ChatBotKit.Prompting;

/// <summary>Who the bot is and how much it says.</summary>
public sealed record Personality
{
    /// <summary>A friendly bot with short replies.</summary>
    public static Personality Friendly { get; } = new() { Preset = PersonalityPreset.Friendly };

    /// <summary>A professional bot with short replies.</summary>
    public static Personality Professional { get; } = new() { Preset = PersonalityPreset.Professional };

    /// <summary>A humorous bot with short replies.</summary>
    public static Personality Humorous { get; } = new() { Preset = PersonalityPreset.Humorous };

    /// <summary>A supportive bot with short replies.</summary>
    public static Personality Supportive { get; } = new() { Preset = PersonalityPreset.Supportive };

    /// <summary>The base character. Default <see cref="PersonalityPreset.Friendly"/>.</summary>
    public PersonalityPreset Preset { get; init; } = PersonalityPreset.Friendly;

    /// <summary>Your own instructions, added after the preset's.</summary>
    public string? CustomInstructions { get; init; }

    /// <summary>How long replies should be. Default <see cref="ResponseLength.Short"/>.</summary>
    public ResponseLength Length { get; init; } = ResponseLength.Short;

    /// <summary>The token budget the length maps to (60, 120 or 250).</summary>
    public int MaxOutputTokens => Length switch
    {
        ResponseLength.Medium => 120,
        ResponseLength.Long => 250,
        _ => 60,
    };

    /// <summary>The sentence budget the length maps to (2, 3 or 5).</summary>
    public int MaxSentences => Length switch
    {
        ResponseLength.Medium => 3,
        ResponseLength.Long => 5,
        _ => 2,
    };

    /// <summary>The preset's instructions for the system prompt.</summary>
    public string PresetInstructions => Preset switch
    {
        PersonalityPreset.Professional => "You are calm, precise and polite. You give accurate, useful answers without slang.",
        PersonalityPreset.Humorous => "You are playful and witty. You enjoy light jokes and puns but are never mean.",
        PersonalityPreset.Supportive => "You are encouraging and kind. You cheer people on and make everyone feel welcome.",
        _ => "You are warm, upbeat and welcoming. You chat like a friendly regular of the community.",
    };
}
