namespace ChatBotKit.Filters;

/// <summary>The result of running a whole <see cref="ResponseFilterChain"/>.</summary>
public sealed class FilterOutcome
{
    private FilterOutcome(IReadOnlyList<string> messages, string? rejectedBy, string? reason)
    {
        Messages = messages;
        RejectedBy = rejectedBy;
        Reason = reason;
    }

    /// <summary>The messages to send, in order (empty when rejected).</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>The name of the filter that rejected the reply, if one did.</summary>
    public string? RejectedBy { get; }

    /// <summary>Why the reply was rejected, if it was.</summary>
    public string? Reason { get; }

    /// <summary>Whether the reply was rejected.</summary>
    public bool IsRejected => RejectedBy is not null;

    internal static FilterOutcome Accepted(IReadOnlyList<string> messages) => new(messages, null, null);

    internal static FilterOutcome Rejected(string filter, string reason) => new([], filter, reason);
}
