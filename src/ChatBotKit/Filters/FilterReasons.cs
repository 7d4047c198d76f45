namespace ChatBotKit.Filters;

/// <summary>The rejection reasons the built-in filters give. They are stable: match on them in metrics and decisions.</summary>
public static class FilterReasons
{
    /// <summary>Nothing was left to send.</summary>
    public const string Empty = "empty";

    /// <summary>The reply contains a blocked word.</summary>
    public const string BlockedWord = "blocked-word";

    /// <summary>The reply matches a blocked pattern, or the pattern took too long to decide.</summary>
    public const string BlockedPattern = "blocked-pattern";

    /// <summary>The reply is only punctuation or a stand-in for silence such as <c>*stays quiet*</c>.</summary>
    public const string NonSubstantive = "non-substantive";

    /// <summary>The reply is too similar to one of the bot's recent messages.</summary>
    public const string Duplicate = "duplicate";
}
