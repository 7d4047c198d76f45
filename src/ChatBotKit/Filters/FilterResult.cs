namespace ChatBotKit.Filters;

/// <summary>What a filter did with a message: kept it (perhaps changed), split it, or rejected it.</summary>
public readonly struct FilterResult
{
    private FilterResult(string? text, IReadOnlyList<string>? parts, string? rejection)
    {
        Text = text;
        Parts = parts;
        RejectionReason = rejection;
    }

    /// <summary>The message to pass on, when the filter kept it as one message.</summary>
    public string? Text { get; }

    /// <summary>The messages to pass on, when the filter split it.</summary>
    public IReadOnlyList<string>? Parts { get; }

    /// <summary>Why the reply was rejected, when it was.</summary>
    public string? RejectionReason { get; }

    /// <summary>Whether the reply was rejected.</summary>
    public bool IsRejected => RejectionReason is not null;

    /// <summary>Passes <paramref name="text"/> on.</summary>
    public static FilterResult Keep(string text) => new(text, null, null);

    /// <summary>Passes several messages on in place of one.</summary>
    public static FilterResult Split(IReadOnlyList<string> parts) => new(null, parts, null);

    /// <summary>Rejects the whole reply.</summary>
    /// <param name="reason">A short, stable reason such as <c>empty</c> or <c>blocked-word</c>.</param>
    public static FilterResult Reject(string reason) => new(null, null, reason);
}
