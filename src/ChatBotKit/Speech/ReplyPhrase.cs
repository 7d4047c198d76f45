namespace ChatBotKit.Speech;

/// <summary>
/// One phrase of a reply as it is spoken: the text without emotion tags, and the emotion the model
/// tagged it with (for example <c>happy</c> from <c>[happy]</c>), or <see langword="null"/>.
/// </summary>
public readonly record struct ReplyPhrase(string Text, string? Emotion = null);
