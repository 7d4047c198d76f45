using ChatBotKit.Filters;
using static ChatBotKit.Tests.Filters.FilterContexts;

namespace ChatBotKit.Tests.Filters;

public sealed class ResponseFilterChainTests
{
    [Fact]
    public void Apply_CustomFilterReturnsDefault_RejectedAsEmpty()
    {
        var chain = new ResponseFilterChain([new DelegateFilter("default", _ => default)]);
        var outcome = chain.Apply("hello", FilterContext());
        outcome.Should().Match<FilterOutcome>(o => o.RejectedBy == "default" && o.Reason == "empty");
    }

    [Fact]
    public void Apply_SplitParts_EachSeenByLaterFilters()
    {
        var seen = new List<string>();
        var chain = new ResponseFilterChain(
        [
            new DelegateFilter("split", t => FilterResult.Split([t + "1", t + "2"])),
            new DelegateFilter("record", t => { seen.Add(t); return FilterResult.Keep(t + "!"); }),
        ]);

        chain.Apply("x", FilterContext()).Messages.Should().Equal("x1!", "x2!");
        seen.Should().Equal("x1", "x2");
    }

    [Fact]
    public void Apply_OnePartRejected_WholeReplyRejected()
    {
        var chain = new ResponseFilterChain(
        [
            new DelegateFilter("split", _ => FilterResult.Split(["fine", "bad"])),
            new DelegateFilter("vet", t => t == "bad" ? FilterResult.Reject("nope") : FilterResult.Keep(t)),
        ]);

        var outcome = chain.Apply("x", FilterContext());
        outcome.Should().Match<FilterOutcome>(o => o.IsRejected && o.RejectedBy == "vet" && o.Reason == "nope" && o.Messages.Count == 0);
    }

    [Fact]
    public void Apply_SplitIntoNothing_RejectedAsEmpty()
    {
        var chain = new ResponseFilterChain([new DelegateFilter("vanish", _ => FilterResult.Split([]))]);
        chain.Apply("x", FilterContext()).Should().Match<FilterOutcome>(o => o.RejectedBy == "vanish" && o.Reason == "empty");
    }

    private sealed class DelegateFilter(string name, Func<string, FilterResult> apply) : IResponseFilter
    {
        public string Name => name;

        public FilterResult Apply(string text, ResponseFilterContext context) => apply(text);
    }
}
