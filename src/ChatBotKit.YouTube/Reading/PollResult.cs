using ChatBotKit.Events;

namespace ChatBotKit.YouTube.Reading;

/// <summary>What one poll brought and what comes next.</summary>
/// <param name="Events">New events, oldest first, each delivered once.</param>
/// <param name="Outcome">Whether to poll again as asked, back off, or stop.</param>
/// <param name="Wait">How long to wait before the next poll (when <see cref="PollOutcome.Read"/>).</param>
/// <param name="Reason">Why the poll was refused or reading stops.</param>
internal sealed record PollResult(IReadOnlyList<ChatEvent> Events, PollOutcome Outcome, TimeSpan Wait = default, string? Reason = null)
{
    public static PollResult Read(IReadOnlyList<ChatEvent> events, TimeSpan wait) => new(events, PollOutcome.Read, wait);

    public static PollResult Refused(string reason) => new([], PollOutcome.Refused, Reason: reason);

    public static PollResult Ended(string reason, IReadOnlyList<ChatEvent>? events = null) => new(events ?? [], PollOutcome.Ended, Reason: reason);
}

/// <summary>How a poll went.</summary>
internal enum PollOutcome
{
    /// <summary>Read; poll again after the wait.</summary>
    Read,

    /// <summary>Refused (429, 5xx, a body that is not chat): back off and try again.</summary>
    Refused,

    /// <summary>Reading is over (the stream ended, the quota is gone): stop polling.</summary>
    Ended,
}
