using ChatBotKit.Engine;
using ChatBotKit.Tests.Fakes;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class ChannelIsolationTests : EngineTestBase
{
    [Fact]
    public async Task Post_SlowLlmInOneChannel_DoesNotDelayAnother()
    {
        var slow = new TaskCompletionSource<string>();
        Llm.Respond = (messages, _) => messages[^1].Text.Contains("slow", StringComparison.Ordinal) ? slow.Task : Task.FromResult("quick reply");
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit slow question", channel: "one"), Source);
        await WaitForLlmRequestsAsync(1);
        engine.Post(Message("b", "kit fast question", channel: "two"), Source);
        var sent = await Source.WaitForSentAsync(1);

        sent.Should().ContainSingle().Which.Should().Match<ChatBotKit.Sources.OutgoingMessage>(m => m.Channel == "two" && m.Text == "quick reply");
        slow.SetResult("slow reply");
        await engine.WhenIdleAsync();
        Source.Sent.Select(m => m.Channel).Should().Equal("two", "one");
    }

    [Fact]
    public async Task Post_ContextWindows_AreSeparatePerChannel()
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "channel one secret", channel: "one"), Source);
        engine.Post(Message("b", "kit hi", channel: "two"), Source);
        await engine.WhenIdleAsync();

        Llm.Requests.Should().ContainSingle().Which.Should().NotContain(m => m.Text.Contains("secret", StringComparison.Ordinal));
        engine.GetChannels().Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_QueueFull_DropsOldestAndCountsThem()
    {
        var gate = new GateTrigger();
        await using var engine = Start(Bot().AddTrigger(gate).WithChannelQueue(2).Build());

        engine.Post(Message("a", "e1"), Source);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var text in new[] { "e2", "e3", "e4", "e5", "e6" })
        {
            engine.Post(Message("a", text), Source);
        }

        engine.GetChannels().Single().QueueDepth.Should().Be(2);
        gate.Open();
        await engine.WhenIdleAsync();

        gate.Seen.Should().Equal("e1", "e5", "e6");
        engine.GetChannels().Single().Dropped.Should().Be(3);
        Decisions.Decisions.Count(d => d.Outcome == DecisionOutcome.Dropped && d.Reason == DecisionReasons.QueueFull).Should().Be(3);
    }

    [Fact]
    public async Task Post_QueueFullInOneChannel_DoesNotDropInAnother()
    {
        var gate = new GateTrigger();
        await using var engine = Start(Bot().AddTrigger(gate).OnMention().WithChannelQueue(1).Build());

        engine.Post(Message("a", "block", channel: "busy"), Source);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        engine.Post(Message("a", "x1", channel: "busy"), Source);
        engine.Post(Message("a", "x2", channel: "busy"), Source);
        engine.Post(Message("b", "kit hello", channel: "calm"), Source);
        await Source.WaitForSentAsync(1);
        gate.Open();
        await engine.WhenIdleAsync();

        var channels = engine.GetChannels().ToDictionary(c => c.Channel);
        channels["busy"].Dropped.Should().Be(1);
        channels["calm"].Dropped.Should().Be(0);
    }

    [Fact]
    public async Task Post_MoreLlmCallsThanAllowedAndNoWait_ReportsBusy()
    {
        var release = new TaskCompletionSource<string>();
        // Answers unlike each other, so the duplicate filter lets them all through.
        string[] answers = ["Speedruns are fun.", "The soundtrack is great tonight.", "Drink some water, chat!"];
        var calls = -1;
        Llm.Respond = async (_, _) => await release.Task + answers[Interlocked.Increment(ref calls)];
        await using var engine = Start(Bot().OnMention().WithLlmLimits(queueWait: TimeSpan.Zero).Build());

        engine.Post(Message("a", "kit 1"), Source);
        engine.Post(Message("b", "kit 2"), Source);
        engine.Post(Message("c", "kit 3"), Source);
        await WaitForDecisionAsync(d => d.Outcome == DecisionOutcome.LlmBusy);
        release.SetResult("");
        await engine.WhenIdleAsync();

        Llm.Requests.Should().HaveCount(2);
        Source.Sent.Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_LlmLimitRaised_AllowsMoreCallsPerChannel()
    {
        var release = new TaskCompletionSource<string>();
        // Answers unlike each other, so the duplicate filter lets them all through.
        string[] answers = ["Speedruns are fun.", "The soundtrack is great tonight.", "Drink some water, chat!"];
        var calls = -1;
        Llm.Respond = async (_, _) => await release.Task + answers[Interlocked.Increment(ref calls)];
        await using var engine = Start(Bot().OnMention().WithLlmLimits(maxConcurrentCalls: 3).Build());

        for (var i = 0; i < 3; i++)
        {
            engine.Post(Message("a", $"kit {i}"), Source);
        }

        await WaitForLlmRequestsAsync(3);
        release.SetResult("");
        await engine.WhenIdleAsync();

        Source.Sent.Should().HaveCount(3);
    }
}
