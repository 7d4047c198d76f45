using ChatBotKit.Streaming;

namespace ChatBotKit;

public sealed partial class ChatBotBuilder
{
    private readonly List<string> _emotionTags = [];

    /// <summary>
    /// How LLM replies are cut into phrases while they stream (sentence ends, pauses, the longest
    /// wait and the most tokens per phrase). Default <see cref="PhraseBufferOptions"/>' defaults.
    /// </summary>
    public PhraseBufferOptions ReplyStreaming { get; private set; } = new();

    /// <summary>Emotion tags the model may write, such as <c>happy</c> for <c>[happy]</c>. Default none.</summary>
    public IReadOnlyList<string> EmotionTags => _emotionTags;

    /// <summary>
    /// Sets how LLM replies are cut into phrases while they stream, for example
    /// <c>new PhraseBufferOptions { FirstClauseEarly = true }</c> for a faster first sound.
    /// </summary>
    public ChatBotBuilder WithReplyStreaming(PhraseBufferOptions options)
    {
        ReplyStreaming = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>
    /// Lets the model tag its reply with emotions: the system prompt names the tags, and a tag such
    /// as <c>[happy]</c> is taken out of the chat text and the speech and given to the speaker with
    /// the phrases after it. Bracketed text that is not one of these tags stays as text.
    /// </summary>
    public ChatBotBuilder WithEmotionTags(params IEnumerable<string> tags)
    {
        _emotionTags.AddRange(tags);
        return this;
    }

    private void ValidateStreaming()
    {
        Require(ReplyStreaming.MaxTokens >= 1, "ReplyStreaming.MaxTokens", $"must be at least 1 (was {ReplyStreaming.MaxTokens})");
        Require(ReplyStreaming.MaxWait > TimeSpan.Zero, "ReplyStreaming.MaxWait", $"must be positive (was {ReplyStreaming.MaxWait})");
        Require(ReplyStreaming.PauseWords.All(w => !string.IsNullOrWhiteSpace(w) && !w.Any(char.IsUpper)), "ReplyStreaming.PauseWords", "must be lower-case words");
        for (var i = 0; i < _emotionTags.Count; i++)
        {
            var tag = _emotionTags[i];
            Require(!string.IsNullOrWhiteSpace(tag) && tag.AsSpan().IndexOfAny('[', ']') < 0 && !tag.Any(char.IsWhiteSpace), $"{nameof(EmotionTags)}[{i}]", $"must be one word without brackets (was '{tag}')");
        }
    }
}
