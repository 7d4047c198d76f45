using ChatBotKit.Engine;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class LlmFailureTests : EngineTestBase
{
    [Fact]
    public async Task Reply_LlmHangsPastTimeout_StaysSilentWithoutFallback()
    {
        Llm.Respond = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "late";
        };
        await using var engine = Start(Bot().OnMention().WithLlmLimits(timeout: TimeSpan.FromSeconds(30)).Build());

        engine.Post(Message("a", "kit?"), Source);
        await WaitForLlmRequestsAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(20);
        Decisions.Decisions.Should().BeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(2));
        var decision = await WaitForDecisionAsync(_ => true);

        decision.Outcome.Should().Be(DecisionOutcome.LlmTimeout);
        decision.Reason.Should().Be(DecisionReasons.LlmTimeout);
        Source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Reply_LlmIgnoresCancellation_StillTimesOutAndSendsFallback()
    {
        Llm.Respond = (_, _) => new TaskCompletionSource<string>().Task;
        await using var engine = Start(Bot().OnMention().WithFallbackReply("brb, thinking too hard").Build());

        engine.Post(Message("a", "kit?"), Source);
        await WaitForLlmRequestsAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(31));
        var decision = await WaitForDecisionAsync(_ => true);

        decision.Outcome.Should().Be(DecisionOutcome.FallbackSent);
        decision.Reason.Should().Be(DecisionReasons.LlmTimeout);
        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("brb, thinking too hard");
    }

    [Fact]
    public async Task Reply_LlmThrows_NeverPostsTheErrorAndKeepsRunning()
    {
        var calls = 0;
        Llm.Respond = (_, _) => ++calls == 1
            ? Task.FromException<string>(new HttpRequestException("500 Internal Server Error: stack trace here"))
            : Task.FromResult("fine again");
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit 1"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("a", "kit 2"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => d.Outcome).Should().Equal(DecisionOutcome.LlmFailed, DecisionOutcome.Replied);
        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("fine again");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Reply_LlmReturnsNothing_DecidesNoReply(string text)
    {
        Llm.Respond = (_, _) => Task.FromResult(text);
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit?"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(DecisionOutcome.NoReply);
        Source.Sent.Should().BeEmpty();
    }
}
