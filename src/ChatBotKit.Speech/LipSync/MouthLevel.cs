namespace ChatBotKit.Speech.LipSync;

/// <summary>How open the mouth is (0 closed … 1 widest in the utterance) from <paramref name="Offset"/> after the utterance starts.</summary>
public readonly record struct MouthLevel(TimeSpan Offset, float Level);
