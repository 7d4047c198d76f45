namespace ChatBotKit.Prompting;

/// <summary>A ready-made character for the bot.</summary>
public enum PersonalityPreset
{
    /// <summary>Warm, upbeat and welcoming.</summary>
    Friendly,

    /// <summary>Calm, precise and polite.</summary>
    Professional,

    /// <summary>Playful and witty.</summary>
    Humorous,

    /// <summary>Encouraging and kind.</summary>
    Supportive,
}
