namespace ChatBotKit.VTubeStudio;

/// <summary>What the bot may do with the avatar and how long it lasts.</summary>
public sealed record VTubeStudioAvatarOptions
{
    /// <summary>
    /// Expressions by the name chat and the emotion map use. A name not here is looked up among the
    /// model's expressions (by name or file) and its <c>ToggleExpression</c> hotkeys.
    /// </summary>
    public IReadOnlyDictionary<string, AvatarExpression> Expressions { get; init; } = new Dictionary<string, AvatarExpression>();

    /// <summary>
    /// Motions by name. A name not here is looked up among the model's <c>TriggerAnimation</c>
    /// hotkeys and plays for <see cref="MotionDuration"/>.
    /// </summary>
    public IReadOnlyDictionary<string, AvatarMotion> Motions { get; init; } = new Dictionary<string, AvatarMotion>();

    /// <summary>Emotions (as a speech pipeline names them, e.g. <c>happy</c>) mapped to expression names.</summary>
    public IReadOnlyDictionary<string, string> Emotions { get; init; } = new Dictionary<string, string>();

    /// <summary>How long an expression asked for in chat shows. Default 10 seconds.</summary>
    public TimeSpan CommandDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The priority of expressions and motions asked for in chat. Default 1.</summary>
    public int CommandPriority { get; init; } = 1;

    /// <summary>How long an emotion's expression shows. Default 6 seconds.</summary>
    public TimeSpan EmotionDuration { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>The priority of emotions, above chat's so the bot's own face wins while it speaks. Default 2.</summary>
    public int EmotionPriority { get; init; } = 2;

    /// <summary>The priority of the mood's resting face (<see cref="VTubeStudioAvatar.FollowMood"/>), beneath everything else. Default 0.</summary>
    public int MoodPriority { get; init; }

    /// <summary>How long a motion found only as a hotkey is taken to play. Default 3 seconds.</summary>
    public TimeSpan MotionDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long expressions fade in and out (0–2 s). Default 0.25 seconds.</summary>
    public TimeSpan Fade { get; init; } = TimeSpan.FromSeconds(0.25);

    /// <summary>How the mouth follows the bot's voice.</summary>
    public LipSyncOptions LipSync { get; init; } = new();
}
