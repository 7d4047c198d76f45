using ChatBotKit.Speech.LipSync;

namespace ChatBotKit.Speech.Pipeline;

/// <summary>
/// An utterance begins to be heard at <see cref="StartsAt"/> (which may be a moment after the
/// event, by the pipeline's write-ahead): its text, the emotion it was tagged with, and its mouth
/// envelope, for an avatar to lip-sync and show the emotion.
/// </summary>
public sealed record UtteranceStarted(SpeechRequest Request, string Text, string? Emotion, MouthEnvelope Envelope, DateTimeOffset StartsAt, TimeSpan Duration);
