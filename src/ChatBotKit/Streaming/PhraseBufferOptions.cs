namespace ChatBotKit.Streaming;

/// <summary>Limits for <see cref="PhraseAssembler"/> and <see cref="PhraseBuffer"/>.</summary>
public sealed record PhraseBufferOptions
{
    /// <summary>
    /// The most tokens a phrase may hold before it is emitted without a boundary (default 50).
    /// A token is one non-empty text update from the stream, as a server sends it.
    /// </summary>
    public int MaxTokens { get; init; } = 50;

    /// <summary>The longest a started phrase waits for a boundary before it is emitted anyway (default 2 s).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for <see cref="MaxWait"/>; the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Whether the first phrase of a reply ends at its first comma, pause word or not, so that a
    /// voice can start sooner (default <see langword="false"/>).
    /// </summary>
    public bool FirstClauseEarly { get; init; }

    /// <summary>Words that, after a comma, mark a natural pause: the phrase ends at the comma.</summary>
    public IReadOnlyList<string> PauseWords { get; init; } =
        ["and", "but", "so", "then", "or", "however", "because", "although", "which", "while"];
}
