using ChatBotKit.Engine;
using ChatBotKit.Events;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>One line of the live log: a decision of the engine, or a message sent from the dashboard.</summary>
/// <param name="Id">Increasing number, the Server-Sent Events id.</param>
/// <param name="Bot">The bot's key.</param>
/// <param name="Platform">The platform.</param>
/// <param name="Channel">The channel.</param>
/// <param name="At">When.</param>
/// <param name="Outcome">The decision's outcome in lower case (<c>replied</c>, <c>paused</c>, …), or <c>said</c> for a message sent from the dashboard.</param>
/// <param name="Trigger">The trigger that fired or was skipped.</param>
/// <param name="Reason">Why, when the engine gave a reason, or the filter that rejected the reply.</param>
/// <param name="User">The viewer's display name, for messages.</param>
/// <param name="Text">The viewer's text, for messages.</param>
/// <param name="Replies">What the bot sent.</param>
internal sealed record DashboardEntry(
    long Id,
    string Bot,
    string Platform,
    string Channel,
    DateTimeOffset At,
    string Outcome,
    string? Trigger,
    string? Reason,
    string? User,
    string? Text,
    IReadOnlyList<string> Replies)
{
    /// <summary>The outcome of a message sent from the dashboard's "say" box.</summary>
    public const string Said = "said";

    /// <summary>Whether the bot spoke.</summary>
    public bool BotSpoke => Replies.Count > 0;

    /// <summary>The line for <paramref name="decision"/> of <paramref name="bot"/>.</summary>
    public static DashboardEntry From(long id, string bot, in ChatDecision decision)
    {
        var message = decision.Event as MessageReceived;
        var reason = decision.Filter is { } filter ? $"{filter}: {decision.Reason}" : decision.Reason;
        return new DashboardEntry(
            id,
            bot,
            decision.Platform.Value,
            decision.Channel,
            decision.Timestamp,
            decision.Outcome.ToString().ToLowerInvariant(),
            decision.Trigger,
            reason,
            message?.User.DisplayName ?? decision.Event?.Author?.DisplayName,
            message?.Text,
            decision.Replies ?? []);
    }

    /// <summary>Whether the line passes the log's filters (each <see langword="null"/> or empty matches all).</summary>
    public bool Matches(string? bot, string? channel, string? user, string? outcome) =>
        Is(bot, Bot) && Is(channel, Channel) && Is(user, User) && Is(outcome, Outcome);

    private static bool Is(string? wanted, string? actual) =>
        string.IsNullOrEmpty(wanted) || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}
