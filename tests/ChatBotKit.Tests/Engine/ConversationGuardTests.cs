using ChatBotKit.Engine;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

/// <summary>What keeps the bot from going silent by mistake, and from talking in circles with other bots.</summary>
public sealed class ConversationGuardTests : EngineTestBase
{
    [Fact]
    public async Task Post_CommandAnsweringTheSameTextTwice_SendsBoth()
    {
        await using var engine = Start(Bot().OnCommand("hello", _ => "Hello and welcome to the stream!").Build());

        engine.Post(Message("a", "!hello"), Source);
        engine.Post(Message("b", "!hello"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("Hello and welcome to the stream!", "Hello and welcome to the stream!");
    }

    [Fact]
    public async Task Post_LanguageModelRepeatingItself_IsStillRejectedAsDuplicate()
    {
        Llm.Respond = (_, _) => Task.FromResult("The same answer every time, word for word.");
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit one"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("b", "kit two"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle();
        Decisions.Decisions.Should().Contain(d => d.Outcome == DecisionOutcome.Filtered && d.Filter == "duplicate");
    }

    [Fact]
    public async Task Post_ReplyThatCameBackEmpty_GivesTheViewersSlotBack()
    {
        var answers = new Queue<string>(["", "a real answer"]);
        Llm.Respond = (_, _) => Task.FromResult(answers.Dequeue());
        await using var engine = Start(Bot().OnMention().WithRateLimits(RateLimitPolicy.Unlimited with { PerUser = [RateWindow.PerMinute(1)] }).Build());

        engine.Post(Message("a", "kit first"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("a", "kit second"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("a real answer");
        Decisions.Decisions.Should().NotContain(d => d.Outcome == DecisionOutcome.RateLimited);
    }

    [Fact]
    public async Task Post_SourceDropsTheReply_RecordedAsNotSentKeptOutOfContextAndSlotGivenBack()
    {
        var answers = new Queue<string>(["The first answer, which the source drops.", "A second, different answer."]);
        Llm.Respond = (_, _) => Task.FromResult(answers.Dequeue());
        await using var engine = Start(Bot().OnMention().WithRateLimits(RateLimitPolicy.Unlimited with { PerUser = [RateWindow.PerMinute(1)] }).Build());
        Source.SendResult = SendResult.Dropped("the connection is read-only");

        engine.Post(Message("a", "kit first"), Source);
        await engine.WhenIdleAsync();
        Source.SendResult = SendResult.Sent;
        engine.Post(Message("a", "kit second"), Source);
        await engine.WhenIdleAsync();

        var dropped = Decisions.Decisions[0];
        dropped.Outcome.Should().Be(DecisionOutcome.SendFailed);
        dropped.Reason.Should().Be("the connection is read-only");
        dropped.MessagesSent.Should().Be(0);
        Decisions.Decisions[1].Outcome.Should().Be(DecisionOutcome.Replied);
        Llm.Requests[1].Should().NotContain(m => m.Text.Contains("which the source drops", StringComparison.Ordinal), "a dropped reply never enters the context");
    }

    [Fact]
    public async Task Post_ReplySent_StillCountsAgainstTheViewersLimit()
    {
        await using var engine = Start(Bot().OnMention().WithRateLimits(RateLimitPolicy.Unlimited with { PerUser = [RateWindow.PerMinute(1)] }).Build());

        engine.Post(Message("a", "kit first"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("a", "kit second"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle();
        Decisions.Decisions.Should().Contain(d => d.Outcome == DecisionOutcome.RateLimited);
    }

    [Theory]
    [InlineData("Nightbot")]
    [InlineData("streamelements")]
    [InlineData("Fossabot")]
    public async Task Post_WellKnownChatBot_IsIgnoredByDefault(string bot)
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message(bot, "kit, your uptime is 2 hours"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().BeEmpty();
        Decisions.Decisions.Should().ContainSingle().Which.Reason.Should().Be(DecisionReasons.OtherBot);
    }

    [Fact]
    public async Task Post_KnownBotsReplaced_OnlyTheNewListIsIgnored()
    {
        await using var engine = Start(Bot().OnMention().WithKnownBots("helperbot").Build());

        engine.Post(Message("nightbot", "kit hi"), Source);
        engine.Post(Message("HelperBot", "kit hi"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle();
        Decisions.Decisions.Single(d => d.Outcome == DecisionOutcome.Ignored).Reason.Should().Be(DecisionReasons.OtherBot);
    }

    [Fact]
    public async Task Post_UserAnsweringWithinSecondsAgainAndAgain_IsPausedThenHeardAgain()
    {
        await using var engine = Start(Bot().OnMention().Build());

        for (var i = 0; i < 5; i++)
        {
            engine.Post(Message("loopybot", $"kit, reply number {i}"), Source);
            await engine.WhenIdleAsync();
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Source.Sent.Should().HaveCount(4, because: "the fifth quick answer in a row ends the loop");
        Decisions.Decisions[^1].Reason.Should().Be(DecisionReasons.ReplyLoop);

        engine.Post(Message("someone", "kit hi"), Source);
        await engine.WhenIdleAsync();
        Source.Sent.Should().HaveCount(5, because: "only the user in the loop is paused");

        Clock.Advance(ReplyLoopLimits.Default.Pause);
        engine.Post(Message("loopybot", "kit, back again"), Source);
        await engine.WhenIdleAsync();
        Source.Sent.Should().HaveCount(6);
    }

    [Fact]
    public async Task Post_UserTakingTimeToAnswer_IsNeverPaused()
    {
        await using var engine = Start(Bot().OnMention().Build());

        for (var i = 0; i < 8; i++)
        {
            engine.Post(Message("alice", $"kit, question {i}"), Source);
            await engine.WhenIdleAsync();
            Clock.Advance(TimeSpan.FromSeconds(20));
        }

        Source.Sent.Should().HaveCount(8);
    }

    [Fact]
    public async Task Post_LoopLimitsOff_NeverPauses()
    {
        await using var engine = Start(Bot().OnMention().WithLoopLimits(ReplyLoopLimits.Off).Build());

        for (var i = 0; i < 8; i++)
        {
            engine.Post(Message("loopybot", $"kit, reply {i}"), Source);
            await engine.WhenIdleAsync();
        }

        Source.Sent.Should().HaveCount(8);
    }

    [Fact]
    public async Task Post_AllLlmSlotsBusy_WaitsForOneInsteadOfGivingUp()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Llm.Respond = (_, _) => Interlocked.Increment(ref calls) <= 2 ? release.Task : Task.FromResult("third answer");
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit 1"), Source);
        engine.Post(Message("b", "kit 2"), Source);
        engine.Post(Message("c", "kit 3"), Source);
        await WaitForLlmRequestsAsync(2);
        release.SetResult("first answers");
        await engine.WhenIdleAsync();

        Llm.Requests.Should().HaveCount(3);
        Decisions.Decisions.Should().NotContain(d => d.Outcome == DecisionOutcome.LlmBusy);
        Source.Sent.Select(m => m.Text).Should().Contain("third answer");
    }

    [Fact]
    public async Task Post_AllLlmSlotsBusyLongerThanTheWait_GivesUpAsBusyAndFreesTheViewersSlot()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Llm.Respond = (_, _) => Interlocked.Increment(ref calls) == 1 ? release.Task : Task.FromResult("an answer for b");
        await using var engine = Start(Bot().OnMention().WithLlmLimits(maxConcurrentCalls: 1, queueWait: TimeSpan.FromSeconds(3))
            .WithRateLimits(RateLimitPolicy.Unlimited with { PerUser = [RateWindow.PerHour(1)] }).Build());

        engine.Post(Message("a", "kit 1"), Source);
        await WaitForLlmRequestsAsync(1);
        engine.Post(Message("b", "kit 2"), Source);
        // The wait runs on the engine's clock; move it a second at a time until b gives up.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (!Decisions.Decisions.Any(d => d.Outcome == DecisionOutcome.LlmBusy))
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(5, timeout.Token);
            }
        }

        release.SetResult("done");
        await engine.WhenIdleAsync();

        Decisions.Decisions.Single(d => d.Outcome == DecisionOutcome.LlmBusy).Reason.Should().Be(DecisionReasons.LlmBusy);
        engine.Post(Message("b", "kit again"), Source);
        await engine.WhenIdleAsync();
        Source.Sent.Select(m => m.Text).Should().Equal(["done", "an answer for b"], because: "b's first mention was never answered, so b's hourly slot is still free");
    }
}
