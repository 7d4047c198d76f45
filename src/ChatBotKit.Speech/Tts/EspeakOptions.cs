namespace ChatBotKit.Speech.Tts;

/// <summary>How espeak-ng speaks: the offline voice (Debian package <c>espeak-ng</c>).</summary>
public sealed record EspeakOptions
{
    /// <summary>The program (default <c>espeak-ng</c> on the PATH).</summary>
    public string Program { get; init; } = "espeak-ng";

    /// <summary>The voice, as <c>espeak-ng --voices</c> lists it (default <c>en</c>; variants like <c>en+f3</c> work).</summary>
    public string Voice { get; init; } = "en";

    /// <summary>Speed in words per minute (default 175, espeak-ng's own).</summary>
    public int WordsPerMinute { get; init; } = 175;

    /// <summary>Pitch from 0 to 99, or <see langword="null"/> for the voice's own (50).</summary>
    public int? Pitch { get; init; }
}
