using ChatBotKit.Filters;

namespace ChatBotKit.Tests.Fakes;

/// <summary>Rejects replies containing <paramref name="word"/>.</summary>
public sealed class RejectingFilter(string word) : IResponseFilter
{
    public string Name => "test-reject";

    public FilterResult Apply(string text, ResponseFilterContext context) =>
        text.Contains(word, StringComparison.OrdinalIgnoreCase) ? FilterResult.Reject("contains-" + word) : FilterResult.Keep(text);
}
