namespace ChatBotKit.Speech;

/// <summary>How open the mouth is (0 closed, 1 fully open) from <paramref name="Offset"/> after an utterance starts.</summary>
public readonly record struct MouthLevel(TimeSpan Offset, float Level);
