using ChatBotKit.AI;
using ChatBotKit.Engine;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class NonStreamingClientTests : EngineTestBase
{
    private const string ThreeSentences = "The first one is here. The second follows it. The third ends it.";

    [Fact]
    public async Task PlainClient_StreamingNotSupported_ReplyIsCutIntoMessagesAtPhraseBoundaries()
    {
        Llm.Respond = (_, _) => Task.FromResult(ThreeSentences);
        Source.Limits = PlatformLimits.Default with { MaxMessageLength = 50 };
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit?"), Source);
        await engine.WhenIdleAsync();

        Llm.Requests.Should().ContainSingle();
        Source.Sent.Select(m => m.Text).Should().Equal("The first one is here. The second follows it.", "The third ends it.");
        Decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(DecisionOutcome.Replied);
    }

    [Fact]
    public async Task StreamingClient_WholeReplyInOneUpdate_IsCutLikeAStream()
    {
        var model = new StreamingChatClient();
        Source.Limits = PlatformLimits.Default with { MaxMessageLength = 50 };
        await using var engine = Start(new ChatBotBuilder("kit").UseChatClient(model).WithRateLimits(ChatBotKit.RateLimiting.RateLimitPolicy.Unlimited).OnMention().Build());

        engine.Post(Message("a", "kit?"), Source);
        var call = await model.NextCallAsync();
        call.Send(ThreeSentences);
        call.End();
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("The first one is here. The second follows it.", "The third ends it.");
    }

    [Fact]
    public async Task OfflineResponder_StreamsThroughTheEngine_Replies()
    {
        await using var engine = Start(new ChatBotBuilder("kit").UseChatClient(new OfflineChatClient("kit")).WithRateLimits(ChatBotKit.RateLimiting.RateLimitPolicy.Unlimited).OnMention().Build());

        engine.Post(Message("a", "hi kit"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().NotBeEmpty();
        Decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(DecisionOutcome.Replied);
    }

    [Fact]
    public async Task PlainClient_ReplyLongerThanTwoMessages_LastMessageIsCutWithAnEllipsis()
    {
        Llm.Respond = (_, _) => Task.FromResult(ThreeSentences + " And a fourth one to overflow the budget.");
        Source.Limits = PlatformLimits.Default with { MaxMessageLength = 30 };
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit?"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("The first one is here.", "The second follows it. The…");
    }
}
