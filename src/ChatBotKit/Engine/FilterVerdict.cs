namespace ChatBotKit.Engine;

/// <summary>One response filter's verdict on a rehearsed reply (<see cref="ReplyRehearsal.Filters"/>).</summary>
/// <param name="Filter">The filter's name.</param>
/// <param name="Messages">The reply's messages after the filter.</param>
/// <param name="Rejection">Why the filter rejected the reply, or <see langword="null"/> when it passed it on.</param>
public sealed record FilterVerdict(string Filter, IReadOnlyList<string> Messages, string? Rejection);
