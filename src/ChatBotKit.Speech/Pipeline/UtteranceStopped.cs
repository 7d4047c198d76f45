namespace ChatBotKit.Speech.Pipeline;

/// <summary>An utterance was written to its end, or cut off by an interrupt; its sound ends at <see cref="EndsAt"/>.</summary>
public sealed record UtteranceStopped(SpeechRequest Request, string Text, DateTimeOffset EndsAt, bool Interrupted);
