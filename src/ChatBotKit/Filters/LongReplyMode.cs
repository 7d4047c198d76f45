namespace ChatBotKit.Filters;

/// <summary>What to do with a reply longer than the platform allows.</summary>
public enum LongReplyMode
{
    /// <summary>Cut it at the last word boundary that fits and add an ellipsis.</summary>
    Cut,

    /// <summary>Split it at sentence boundaries into at most <see cref="ResponseFilterSettings.MaxParts"/> messages; cut the last.</summary>
    Split,
}
