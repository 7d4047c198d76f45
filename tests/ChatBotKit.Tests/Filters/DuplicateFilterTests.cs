using ChatBotKit.Filters;
using static ChatBotKit.Tests.Filters.FilterContexts;

namespace ChatBotKit.Tests.Filters;

public sealed class DuplicateFilterTests
{
    private readonly DuplicateFilter _filter = new();

    [Theory]
    [InlineData("Welcome to the stream, alice!")]
    [InlineData("welcome to the stream alice")]
    [InlineData("Welcome   to the stream, ALICE...")]
    public void Apply_ExactRepeat_RejectsDuplicate(string input) =>
        _filter.Rejection(input, FilterContext(recent: ["first", "Welcome to the stream, alice!", "last"])).Should().Be("duplicate");

    [Fact]
    public void Apply_ExactRepeat_DuplicateEvenAtThresholdOne()
    {
        new DuplicateFilter(1.0).Rejection("GG!", FilterContext(recent: ["gg"])).Should().Be("duplicate");
    }

    [Fact]
    public void Apply_NearRepeat_RejectsDuplicate()
    {
        var recent = "That speedrun was incredible, the final boss never stood a chance!";
        var reply = "That speedrun was incredible, the final boss never stood a chance.";
        _filter.Rejection(reply, FilterContext(recent: [recent])).Should().Be("duplicate");
        DuplicateFilter.Similarity(reply, recent).Should().Be(1);

        var near = "That speedrun was incredible, the last boss never stood a chance!";
        DuplicateFilter.Similarity(near, recent).Should().BeInRange(0.8, 0.99);
        _filter.Rejection(near, FilterContext(recent: [recent])).Should().Be("duplicate");
    }

    [Fact]
    public void Apply_DifferentReply_Kept()
    {
        var recent = "That speedrun was incredible, the final boss never stood a chance!";
        var reply = "Chat, remember to hydrate and stretch during the break.";
        DuplicateFilter.Similarity(reply, recent).Should().BeLessThan(0.3);
        _filter.Kept(reply, FilterContext(recent: [recent])).Should().BeSameAs(reply);
    }

    [Fact]
    public void Apply_SimilarityBelowThreshold_KeptAboveRejected()
    {
        var recent = "the boss fight starts in five minutes";
        var reply = "the boss fight starts in ten minutes";
        var similarity = DuplicateFilter.Similarity(reply, recent);
        new DuplicateFilter(similarity + 0.01).Rejection(reply, FilterContext(recent: [recent])).Should().BeNull();
        new DuplicateFilter(similarity).Rejection(reply, FilterContext(recent: [recent])).Should().Be("duplicate");
    }

    [Fact]
    public void Apply_RepeatOfSplitReply_RejectedWhenPartsJoined()
    {
        string[] parts = ["First half of a long answer about the speedrun route.", "Second half with the boss strategy and the final trick."];
        var reply = string.Join(' ', parts);
        new DuplicateFilter(messagesPerReply: 1).Rejection(reply, FilterContext(recent: parts)).Should().BeNull();
        new DuplicateFilter(messagesPerReply: 2).Rejection(reply, FilterContext(recent: parts)).Should().Be("duplicate");
    }

    [Fact]
    public void Apply_NoRecentMessages_Kept()
    {
        _filter.Kept("hello", FilterContext()).Should().Be("hello");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_BadThreshold_Throws(double threshold)
    {
        var act = () => new DuplicateFilter(threshold);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
