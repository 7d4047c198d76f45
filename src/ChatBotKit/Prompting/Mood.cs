namespace ChatBotKit.Prompting;

/// <summary>
/// How the bot feels, on two scales from -1 to 1: <see cref="Cheer"/> (down to cheerful) and
/// <see cref="Energy"/> (sleepy to excited). <see cref="Emotion"/> names it in the words emotion
/// tags and avatar expression maps use.
/// </summary>
/// <param name="Cheer">Down (-1) to cheerful (1).</param>
/// <param name="Energy">Sleepy (-1) to excited (1).</param>
public readonly record struct Mood(double Cheer, double Energy)
{
    /// <summary>The emotion the mood shows as: <c>excited</c>, <c>happy</c>, <c>sad</c>, <c>sleepy</c> or <c>neutral</c>.</summary>
    public string Emotion =>
        Cheer >= 0.4 && Energy >= 0.4 ? "excited"
        : Cheer >= 0.3 ? "happy"
        : Cheer <= -0.3 ? "sad"
        : Energy <= -0.4 ? "sleepy"
        : "neutral";

    /// <summary>The sum of two moods, each scale kept within -1 and 1.</summary>
    public static Mood operator +(Mood left, Mood right) =>
        new(Math.Clamp(left.Cheer + right.Cheer, -1, 1), Math.Clamp(left.Energy + right.Energy, -1, 1));

    /// <summary>The same as <c>+</c>, for languages without operators.</summary>
    public static Mood Add(Mood left, Mood right) => left + right;
}
