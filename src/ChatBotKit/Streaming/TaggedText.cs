namespace ChatBotKit.Streaming;

/// <summary>A piece of streamed text: <see cref="Text"/>, or the emotion <see cref="Tag"/> found there.</summary>
internal readonly record struct TaggedText(string? Text, string? Tag);
