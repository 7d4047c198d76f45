using ChatBotKit.Events;
using ChatBotKit.Filters;
using ChatBotKit.Triggers;

namespace ChatBotKit.Tests.Filters;

/// <summary>Short constructors for filter contexts in tests.</summary>
public static class FilterContexts
{
    public static ResponseFilterContext FilterContext(int maxLength = 500, IReadOnlyList<string>? recent = null, string name = "kit", params string[] aliases) =>
        new()
        {
            Bot = new BotIdentity(name, aliases),
            Platform = ChatPlatform.Twitch,
            MaxMessageLength = maxLength,
            RecentBotMessages = recent ?? [],
        };

    /// <summary>Applies <paramref name="filter"/> and returns the kept text, failing the test if it split or rejected.</summary>
    public static string Kept(this IResponseFilter filter, string text, ResponseFilterContext? context = null)
    {
        var result = filter.Apply(text, context ?? FilterContext());
        result.IsRejected.Should().BeFalse($"'{text}' should be kept, but was rejected as {result.RejectionReason}");
        result.Parts.Should().BeNull();
        return result.Text!;
    }

    /// <summary>Applies <paramref name="filter"/> and returns the rejection reason (null when kept).</summary>
    public static string? Rejection(this IResponseFilter filter, string text, ResponseFilterContext? context = null) =>
        filter.Apply(text, context ?? FilterContext()).RejectionReason;
}
