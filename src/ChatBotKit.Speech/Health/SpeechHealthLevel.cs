namespace ChatBotKit.Speech.Health;

/// <summary>How well the voice works, by the levels of the streaming pipeline's health check.</summary>
public enum SpeechHealthLevel
{
    /// <summary>Too few phrases in the last five minutes to judge.</summary>
    Unknown,

    /// <summary>Fewer than 10 % of phrases failed and first audio came in under 2 s.</summary>
    Healthy,

    /// <summary>10–20 % of phrases failed, or first audio took 2–5 s.</summary>
    Warning,

    /// <summary>More than 20 % of phrases failed, or first audio took more than 5 s.</summary>
    Critical,
}
