using Microsoft.Extensions.AI;

namespace ChatBotKit.Speech.Pipeline;

/// <summary>How the speech pipeline synthesises and plays phrases.</summary>
public sealed record SpeechPipelineOptions
{
    /// <summary>How many phrases are synthesised at the same time (default 3).</summary>
    public int Workers { get; init; } = 3;

    /// <summary>How many phrases of a reply may be synthesised ahead of the one playing (default 6); bounds memory on long replies.</summary>
    public int Lookahead { get; init; } = 6;

    /// <summary>How long one phrase may take to synthesise before it is skipped (default 10 s).</summary>
    public TimeSpan PhraseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How far ahead of what is heard audio is written to a real-time sink (default 150 ms); bounds the sound after an interrupt.</summary>
    public TimeSpan WriteAhead { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Longer phrases are cut at word boundaries into pieces of at most this many characters (default 400).</summary>
    public int MaxPhraseLength { get; init; } = 400;

    /// <summary>The frame of each utterance's mouth envelope (default 20 ms).</summary>
    public TimeSpan MouthFrame { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Options passed to the text-to-speech client on every call (voice, speed), or <see langword="null"/>.</summary>
    public TextToSpeechOptions? Speech { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Workers, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Lookahead, nameof(Lookahead));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PhraseTimeout, TimeSpan.Zero, nameof(PhraseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(WriteAhead, TimeSpan.Zero, nameof(WriteAhead));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPhraseLength, 20, nameof(MaxPhraseLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MouthFrame, TimeSpan.Zero, nameof(MouthFrame));
    }
}
