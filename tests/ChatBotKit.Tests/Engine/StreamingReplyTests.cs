using ChatBotKit.Engine;
using ChatBotKit.Sources;
using ChatBotKit.Tests.Fakes;
using Microsoft.Extensions.AI;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class StreamingReplyTests : StreamingEngineTestBase
{
    public StreamingReplyTests() => Source.Limits = PlatformLimits.Default with { MaxMessageLength = 40 };

    [Fact]
    public async Task StreamedReply_FirstMessageComplete_IsSentBeforeTheModelFinishes()
    {
        await using var engine = Start(StreamingBot().OnMention().Build());

        engine.Post(Message("a", "kit, tell me a story"), Source);
        var call = await Model.NextCallAsync();
        call.Send("Once upon a time", " there was a fox.", " It", " ran far");
        var first = await Source.WaitForSentAsync(1);

        first.Should().ContainSingle().Which.Text.Should().Be("Once upon a time there was a fox.");
        Decisions.Decisions.Should().BeEmpty("the reply is still being written");
        call.Send(" away.");
        call.End();
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("Once upon a time there was a fox.", "It ran far away.");
        Source.Sent[0].ReplyToId.Should().BeNull("the test message has no id");
        var decision = Decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(DecisionOutcome.Replied);
        decision.MessagesSent.Should().Be(2);
    }

    [Fact]
    public async Task StreamedReply_FirstMessageRepeatsTheBot_IsRejectedBeforeAnythingIsSentAndTheCallStops()
    {
        await using var engine = Start(StreamingBot().OnMention().Build());
        await ReplyAsync(engine, "a", "Hello there, nice to see you all.");

        engine.Post(Message("b", "kit hi"), Source);
        var repeat = await Model.NextCallAsync();
        repeat.Send("Hello there, nice to see", " you all.", " And a new", " thought that is different.");
        var decision = await WaitForDecisionAsync(d => d.Outcome != DecisionOutcome.Replied);
        await engine.WhenIdleAsync();

        decision.Outcome.Should().Be(DecisionOutcome.Filtered);
        decision.Filter.Should().Be("duplicate");
        decision.MessagesSent.Should().Be(0);
        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("Hello there, nice to see you all.");
        repeat.Cancellation.IsCancellationRequested.Should().BeTrue("nobody needs the rest of a rejected reply");
    }

    [Fact]
    public async Task StreamedReply_LaterMessageLikeAnEarlierOne_IsNotJudgedAsADuplicate()
    {
        await using var engine = Start(StreamingBot().OnMention().Build());
        await ReplyAsync(engine, "a", "Hello there, nice to see you all.");

        engine.Post(Message("b", "kit what now"), Source);
        var call = await Model.NextCallAsync();
        call.Send("We keep going with the next run.", " Hello there, nice to see you all.");
        call.End();
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().EndWith(["We keep going with the next run.", "Hello there, nice to see you all."]);
        Decisions.Decisions.Select(d => d.Outcome).Should().Equal(DecisionOutcome.Replied, DecisionOutcome.Replied);
    }

    [Fact]
    public async Task StreamedReplies_TwoAtOnce_TheirMessagesNeverInterleave()
    {
        await using var engine = Start(StreamingBot().OnMention().Build());

        engine.Post(Message("a", "kit one"), Source);
        var first = await Model.NextCallAsync();
        first.Send("Alpha is the first of the replies.", " Alpha");
        await Source.WaitForSentAsync(1);
        engine.Post(Message("b", "kit two"), Source);
        var second = await Model.NextCallAsync();
        second.Send("Beta is short.");
        second.End();
        await Task.Delay(50); // room for the second reply to jump the queue, were it allowed to
        first.Send(" ends here.");
        first.End();
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("Alpha is the first of the replies.", "Alpha ends here.", "Beta is short.");
    }

    [Fact]
    public async Task StreamedReply_FailsAfterTheFirstMessage_KeepsItAndEndsTheReply()
    {
        await using var engine = Start(StreamingBot().OnMention().WithFallbackReply("brb").Build());

        engine.Post(Message("a", "kit go"), Source);
        var call = await Model.NextCallAsync();
        call.Send("This sentence goes out to chat.", " Then the", " model");
        await Source.WaitForSentAsync(1);
        call.Fail(new HttpRequestException("connection reset"));
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("This sentence goes out to chat.");
        var decision = Decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(DecisionOutcome.Replied);
        decision.Reason.Should().Be(DecisionReasons.LlmFailed);
        (await NextPromptAsync(engine)).Should().Contain(m => m.Role == ChatRole.Assistant && m.Text == "This sentence goes out to chat.");
    }

    [Fact]
    public async Task StreamedReply_FailsWithACompletePhraseNotYetSent_SendsThatPhrase()
    {
        await using var engine = Start(StreamingBot().OnMention().WithFallbackReply("brb").Build());

        engine.Post(Message("a", "kit go"), Source);
        var call = await Model.NextCallAsync();
        call.Send("Sure thing.", " And then", " some");
        call.Fail(new HttpRequestException("connection reset"));
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("Sure thing.");
        Decisions.Decisions.Should().ContainSingle().Which.Reason.Should().Be(DecisionReasons.LlmFailed);
    }

    [Fact]
    public async Task StreamedReply_FailsBeforeAPhraseIsComplete_FallsBackLikeAPlainCall()
    {
        await using var engine = Start(StreamingBot().OnMention().WithFallbackReply("brb, thinking").Build());

        engine.Post(Message("a", "kit go"), Source);
        var call = await Model.NextCallAsync();
        call.Send("Half a sen");
        call.Fail(new HttpRequestException("connection reset"));
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Text).Should().Equal("brb, thinking");
        var decision = Decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(DecisionOutcome.FallbackSent);
        decision.Reason.Should().Be(DecisionReasons.LlmFailed);
    }

    [Fact]
    public async Task StreamedReply_LlmTimeoutMidStream_KeepsWhatWasSentAndStopsTheCall()
    {
        await using var engine = Start(StreamingBot()
            .WithReplyStreaming(new() { MaxWait = TimeSpan.FromMinutes(5) })
            .OnMention()
            .WithLlmLimits(timeout: TimeSpan.FromSeconds(30))
            .Build());

        engine.Post(Message("a", "kit go"), Source);
        var call = await Model.NextCallAsync();
        call.Send("This sentence goes out to chat.", " Then the model stalls");
        await Source.WaitForSentAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(31));
        var decision = await WaitForDecisionAsync(_ => true);
        await engine.WhenIdleAsync();

        decision.Outcome.Should().Be(DecisionOutcome.Replied);
        decision.Reason.Should().Be(DecisionReasons.LlmTimeout);
        Source.Sent.Should().ContainSingle();
        call.Cancellation.IsCancellationRequested.Should().BeTrue();
    }
}
