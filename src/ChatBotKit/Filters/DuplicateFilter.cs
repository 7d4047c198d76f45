
namespace ChatBotKit.Filters;

/// <summary>
/// Rejects a reply that repeats one of the bot's recent messages
/// (<see cref="ResponseFilterContext.RecentBotMessages"/>). Texts are compared by
/// <see cref="Similarity"/>; a reply at or above <see cref="Threshold"/> is a duplicate, and an
/// exact repeat (ignoring case, punctuation and spacing) always is. Because a long reply goes out
/// as several messages, the reply is also compared with runs of up to
/// <see cref="MessagesPerReply"/> consecutive recent messages joined together. Only language-model
/// replies are judged (<see cref="ResponseFilterContext.FromLanguageModel"/>): a command's answer,
/// such as a dice roll or a fixed text, may repeat.
/// </summary>
public sealed class DuplicateFilter : IResponseFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="threshold">The similarity (greater than 0, at most 1) from which a reply is a duplicate. Default 0.8.</param>
    /// <param name="messagesPerReply">How many messages one earlier reply may have been split into. Default 1.</param>
    public DuplicateFilter(double threshold = 0.8, int messagesPerReply = 1)
    {
        if (double.IsNaN(threshold) || threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be greater than 0 and at most 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerReply, 1);
        Threshold = threshold;
        MessagesPerReply = messagesPerReply;
    }

    /// <inheritdoc />
    public string Name => "duplicate";

    /// <summary>The similarity from which a reply is a duplicate.</summary>
    public double Threshold { get; }

    /// <summary>How many consecutive recent messages are joined and compared as one earlier reply.</summary>
    public int MessagesPerReply { get; }

    /// <inheritdoc />
    public FilterResult Apply(string text, ResponseFilterContext context)
    {
        text ??= "";
        var recent = context?.RecentBotMessages;
        if (recent is null || recent.Count == 0 || !context!.FromLanguageModel)
        {
            return FilterResult.Keep(text);
        }

        using var reply = new TrigramFingerprint(text.Length);
        reply.Add(text);
        var longest = 0;
        foreach (var message in recent)
        {
            longest += (message?.Length ?? 0) + 1;
        }

        using var earlier = new TrigramFingerprint(longest);
        for (var start = 0; start < recent.Count; start++)
        {
            earlier.Clear();
            for (var count = 1; count <= MessagesPerReply && start + count <= recent.Count; count++)
            {
                earlier.Add(recent[start + count - 1] ?? "");
                if (earlier.Text.SequenceEqual(reply.Text) || TrigramFingerprint.Dice(reply, earlier) >= Threshold)
                {
                    return FilterResult.Reject(FilterReasons.Duplicate);
                }
            }
        }

        return FilterResult.Keep(text);
    }

    /// <summary>
    /// How alike two texts are, from 0 (nothing in common) to 1 (the same): the Sørensen–Dice
    /// coefficient, 2·|A∩B| / (|A|+|B|), of the sets of character trigrams of each text after
    /// lower-casing it, turning punctuation and white space into single spaces, trimming it and
    /// padding it with a space at each end. Two texts that are the same after that score 1.
    /// </summary>
    public static double Similarity(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        using var a = new TrigramFingerprint(first.Length);
        using var b = new TrigramFingerprint(second.Length);
        a.Add(first);
        b.Add(second);
        return a.Text.SequenceEqual(b.Text) ? 1 : TrigramFingerprint.Dice(a, b);
    }
}
