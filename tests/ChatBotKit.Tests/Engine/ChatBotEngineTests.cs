using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Sources;
using Microsoft.Extensions.AI;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class ChatBotEngineTests : EngineTestBase
{
    [Fact]
    public async Task Post_Mention_SendsLlmReplyThreadedToTheMessage()
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("alice", "hey @kit how are you", id: "m1"), Source);
        await engine.WhenIdleAsync();

        var sent = Source.Sent.Should().ContainSingle().Subject;
        sent.Text.Should().Be("Hello from the model!");
        sent.Channel.Should().Be("c");
        sent.ReplyToId.Should().Be("m1");
        sent.Trigger.Should().Be("mention");
        sent.Kind.Should().Be(MessageKind.Public);
        var decision = Decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(DecisionOutcome.Replied);
        decision.CorrelationId.Should().Be(sent.CorrelationId);
        decision.MessagesSent.Should().Be(1);
    }

    [Fact]
    public async Task Post_Mention_PromptHasHistoryWithViewersAsUsersAndBotAsAssistant()
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("bob", "what a game"), Source);
        engine.Post(Message("alice", "kit, who is winning?"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("alice", "thanks kit"), Source);
        await engine.WhenIdleAsync();

        var second = Llm.Requests[1];
        second[0].Role.Should().Be(ChatRole.System);
        second.Skip(1).Select(m => (m.Role.Value, m.Text)).Should().Equal(
            ("user", "bob: what a game"),
            ("user", "alice: kit, who is winning?"),
            ("assistant", "Hello from the model!"),
            ("user", "alice: thanks kit"));
        second[1].AuthorName.Should().Be("bob");
        Llm.Options[0]!.MaxOutputTokens.Should().Be(60);
    }

    [Fact]
    public async Task Post_NoTriggerMatches_DecidesNoTriggerAndSendsNothing()
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("alice", "kitten pictures please"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().BeEmpty();
        Llm.Requests.Should().BeEmpty();
        var decision = Decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(DecisionOutcome.NoTrigger);
        decision.Reason.Should().Be(DecisionReasons.NoMatch);
    }

    [Fact]
    public async Task Post_HandlerCommand_AnswersWithoutTheLlm()
    {
        await using var engine = Start(Bot().OnCommand("dice", ctx => $"🎲 {ctx.Random.Next(1, 7)}").Build());

        engine.Post(Message("alice", "!dice"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Text.Should().MatchRegex("^🎲 [1-6]$");
        Llm.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_HandlerThrows_CountsFailureAndKeepsRunning()
    {
        var calls = 0;
        await using var engine = Start(Bot().OnCommand("boom", _ => ++calls == 1 ? throw new InvalidOperationException("x") : "recovered").Build());

        engine.Post(Message("alice", "!boom"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("alice", "!boom"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => (d.Outcome, d.Reason)).Should().Equal(
            (DecisionOutcome.HandlerFailed, nameof(InvalidOperationException)),
            (DecisionOutcome.Replied, null));
        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("recovered");
    }

    [Fact]
    public async Task Post_HandlerRunsPastItsTime_IsCancelled()
    {
        var started = new SemaphoreSlim(0);
        var cancelled = new TaskCompletionSource();
        ChatBotKit.Triggers.ReplyHandler slow = async (_, ct) =>
        {
            started.Release();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }

            return "never";
        };
        await using var engine = Start(Bot().OnCommand("slow", slow).WithHandlerTimeout(TimeSpan.FromSeconds(5)).Build());

        engine.Post(Message("alice", "!slow"), Source);
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        Clock.Advance(TimeSpan.FromSeconds(6));
        var decision = await WaitForDecisionAsync(d => d.Outcome == DecisionOutcome.HandlerFailed);

        decision.Reason.Should().Be(DecisionReasons.HandlerTimeout);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_HandlerNeverReturns_TimesOutWithoutBlockingTheChannel()
    {
        using var stop = new CancellationTokenSource();
        await using var engine = Start(Bot()
            .OnCommand("spin", _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    Thread.SpinWait(1000);
                }

                return "too late";
            })
            .OnCommand("ping", _ => "pong")
            .WithHandlerTimeout(TimeSpan.FromSeconds(5))
            .Build());

        engine.Post(Message("a", "!spin"), Source);
        engine.Post(Message("b", "!ping"), Source);
        await Source.WaitForSentAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(6));
        var spin = await WaitForDecisionAsync(d => d.Trigger == "spin");
        stop.Cancel();

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("pong");
        spin.Outcome.Should().Be(DecisionOutcome.HandlerFailed);
        spin.Reason.Should().Be(DecisionReasons.HandlerTimeout);
    }

    [Fact]
    public async Task Post_PrivateMessage_RepliesPrivatelyAndKeepsItOutOfPublicContext()
    {
        await using var engine = Start(Bot().OnPrivateMessage().Build());

        engine.Post(Message("alice", "psst, a secret", kind: MessageKind.Private), Source);
        await engine.WhenIdleAsync();

        var sent = Source.Sent.Should().ContainSingle().Subject;
        sent.Kind.Should().Be(MessageKind.Private);
        sent.Recipient!.Login.Should().Be("alice");
        engine.GetChannels().Should().ContainSingle().Which.ContextLines.Should().Be(0);
        Llm.Requests[0][^1].Text.Should().Be("alice: (private message) psst, a secret");
    }

    [Theory]
    [InlineData("kit", ChatRoles.None, DecisionReasons.Self)]
    [InlineData("nightbot", ChatRoles.VerifiedBot, DecisionReasons.OtherBot)]
    [InlineData("troll", ChatRoles.None, DecisionReasons.IgnoredUser)]
    public async Task Post_FromSelfOtherBotOrIgnoredUser_IsIgnored(string user, ChatRoles roles, string reason)
    {
        await using var engine = Start(Bot().OnMention().WithIgnoredUsers("troll").Build());

        engine.Post(Message(user, "hi kit", roles: roles), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().BeEmpty();
        var decision = Decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(DecisionOutcome.Ignored);
        decision.Reason.Should().Be(reason);
    }

    [Fact]
    public async Task Post_OtherBotsAllowed_RepliesToVerifiedBot()
    {
        await using var engine = Start(Bot().OnMention().WithOtherBotsIgnored(false).Build());

        engine.Post(Message("friendlybot", "hi kit", roles: ChatRoles.VerifiedBot), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_DefaultLimits_BlocksByMinimumGapThenChannelWindowWithRetryAfter()
    {
        await using var engine = Start(Bot().OnMention().WithRateLimits(RateLimitPolicy.Default).Build());

        engine.Post(Message("a", "kit 1"), Source);
        engine.Post(Message("b", "kit 2"), Source);
        await engine.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromSeconds(16));
        engine.Post(Message("c", "kit 3"), Source);
        await engine.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromSeconds(16));
        engine.Post(Message("d", "kit 4"), Source);
        await engine.WhenIdleAsync();

        var outcomes = Decisions.Decisions.OrderBy(d => d.CorrelationId.Value).ToList();
        outcomes.Select(d => d.Outcome).Should().Equal(
            DecisionOutcome.Replied, DecisionOutcome.RateLimited, DecisionOutcome.Replied, DecisionOutcome.RateLimited);
        outcomes[1].Reason.Should().Be(nameof(RateLimitReason.MinimumGap));
        outcomes[1].RetryAfter.Should().Be(TimeSpan.FromSeconds(15));
        outcomes[3].Reason.Should().Be(nameof(RateLimitReason.Channel));
        outcomes[3].RetryAfter.Should().Be(TimeSpan.FromSeconds(60 - 32));
    }

    [Fact]
    public async Task Post_TriggerOnCooldown_FallsThroughToNextMatchingTrigger()
    {
        await using var engine = Start(Bot()
            .OnMention(cooldown: TimeSpan.FromMinutes(1))
            .OnKeywords(["pizza"], instruction: "Talk about pizza.")
            .Build());

        engine.Post(Message("a", "kit hello"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("b", "kit, pizza?"), Source);
        await engine.WhenIdleAsync();
        engine.Post(Message("c", "kit?"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Select(m => m.Trigger).Should().Equal("mention", "keyword");
        var last = Decisions.Decisions[^1];
        last.Outcome.Should().Be(DecisionOutcome.NoTrigger);
        last.Trigger.Should().Be("mention");
        last.Reason.Should().Be(DecisionReasons.Cooldown);
    }

    [Fact]
    public async Task Post_ReplyRejectedByFilter_SendsNothingAndNamesFilterAndReason()
    {
        Llm.Respond = (_, _) => Task.FromResult("this is bad");
        await using var engine = Start(Bot().OnMention().AddFilter(new Fakes.RejectingFilter("bad")).Build());

        engine.Post(Message("a", "kit?"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().BeEmpty();
        var decision = Decisions.Decisions.Should().ContainSingle().Subject;
        decision.Outcome.Should().Be(DecisionOutcome.Filtered);
        decision.Filter.Should().Be("test-reject");
        decision.Reason.Should().Be("contains-bad");
    }

    [Fact]
    public async Task Post_FilterThrows_DropsTheReplyAsFilteredAndKeepsGoing()
    {
        var throwing = true;
        await using var engine = Start(Bot().OnMention().AddFilter(new DelegateFilter(text => throwing ? throw new FormatException() : text)).Build());

        engine.Post(Message("a", "kit 1"), Source);
        await engine.WhenIdleAsync();
        throwing = false;
        engine.Post(Message("a", "kit 2"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => (d.Outcome, d.Filter, d.Reason)).Should().Equal(
            (DecisionOutcome.Filtered, "filter-error", nameof(FormatException)),
            (DecisionOutcome.Replied, null, null));
        Source.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_SendFails_RecordsSendFailedAndKeepsGoing()
    {
        var first = true;
        Source.OnSend = _ => first ? Task.FromException(new IOException("socket closed")) : Task.CompletedTask;
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit 1"), Source);
        await engine.WhenIdleAsync();
        first = false;
        engine.Post(Message("a", "kit 2"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => d.Outcome).Should().Equal(DecisionOutcome.SendFailed, DecisionOutcome.Replied);
        Source.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_ProbabilityWithSeed_IsReproducibleAndSometimesFires()
    {
        async Task<string> RunAsync()
        {
            var recorder = new DecisionRecorder();
            var source = new Fakes.FakeChatSource();
            await using var engine = new ChatBotEngine(
                Bot().OnKeywords(["hi"], probability: 0.5).Build(),
                new ChatBotEngineOptions { TimeProvider = Clock, RandomSeed = 42, DecisionListeners = [recorder] });
            for (var i = 0; i < 40; i++)
            {
                engine.Post(Message("a", "hi"), source);
            }

            await engine.WhenIdleAsync();
            // Whether the roll let the trigger fire, event by event (replies finish in any order).
            return string.Concat(recorder.Decisions.OrderBy(d => d.CorrelationId.Value).Select(d => d.Outcome == DecisionOutcome.NoTrigger ? '0' : '1'));
        }

        var first = await RunAsync();
        var second = await RunAsync();

        second.Should().Be(first);
        first.Count(c => c == '1').Should().BeInRange(8, 32);
    }

    [Fact]
    public async Task Post_ProbabilityWithSeed_RollsTheSameWhetherTheLlmIsBusyOrNot()
    {
        // The LLM answers only after every event was handled: with one call slot each fired event
        // after the first finds it busy, with 40 slots none does. The rolls must not depend on that.
        async Task<(string Rolls, int Busy)> RunAsync(int slots)
        {
            var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var recorder = new DecisionRecorder();
            var llm = new Fakes.FakeChatClient((_, _) => answer.Task);
            await using var engine = new ChatBotEngine(
                new ChatBotBuilder("kit").UseChatClient(llm).WithRateLimits(RateLimitPolicy.Unlimited)
                    .WithLlmLimits(maxConcurrentCalls: slots, queueWait: TimeSpan.Zero).OnKeywords(["hi"], probability: 0.5).Build(),
                new ChatBotEngineOptions { TimeProvider = Clock, RandomSeed = 42, DecisionListeners = [recorder] });
            var source = new Fakes.FakeChatSource();
            for (var i = 0; i < 40; i++)
            {
                engine.Post(Message("a", "hi"), source);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            // Until every event is decided or its reply is waiting on the LLM (a reply that found no slot has decided).
            while (engine.GetChannels() is not [{ QueueDepth: 0 } channel] || recorder.Decisions.Count + channel.RepliesInFlight < 40 || channel.RepliesInFlight != llm.Requests.Count)
            {
                await Task.Delay(5, timeout.Token);
            }

            var busy = recorder.Decisions.Count(d => d.Outcome == DecisionOutcome.LlmBusy);
            answer.SetResult("hello");
            await engine.WhenIdleAsync();
            return (string.Concat(recorder.Decisions.OrderBy(d => d.CorrelationId.Value).Select(d => d.Outcome == DecisionOutcome.NoTrigger ? '0' : '1')), busy);
        }

        var free = await RunAsync(slots: 40);
        var crowded = await RunAsync(slots: 1);

        free.Busy.Should().Be(0);
        crowded.Busy.Should().BeGreaterThan(0);
        crowded.Rolls.Should().Be(free.Rolls);
    }

    [Fact]
    public async Task Post_EventWithoutChannel_IsIgnoredWithoutThrowing()
    {
        await using var engine = Start(Bot().OnMention().Build());

        engine.Post(Message("a", "kit") with { Channel = "" }, Source);
        engine.Post(Message("a", "kit"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task DisposeAsync_ReplyInFlight_WaitsForItToFinish()
    {
        var release = new TaskCompletionSource<string>();
        Llm.Respond = (_, _) => release.Task;
        var engine = Start(Bot().OnMention().Build());
        engine.Post(Message("a", "kit?"), Source);
        await WaitForLlmRequestsAsync(1);

        var disposing = engine.DisposeAsync().AsTask();
        await Task.Delay(50);
        disposing.IsCompleted.Should().BeFalse();
        release.SetResult("finished");
        await disposing;

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("finished");
        var post = () => engine.Post(Message("a", "kit?"), Source);
        post.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public async Task RunAsync_SourcesEnd_ConnectsReadsAndDrains()
    {
        await using var engine = Start(Bot().OnMention().Build());
        Source.Push(Message("a", "kit one"));
        Source.Push(Message("b", "no trigger"));
        Source.Push(Message("c", "kit two"));
        Source.End();

        await new ChatSourceRunner(engine).RunAsync([Source]);

        Source.State.Should().Be(ConnectionState.Connected);
        Source.Sent.Should().HaveCount(2);
        Decisions.Decisions.Should().HaveCount(3);
    }

    private sealed class DelegateFilter(Func<string, string> apply) : ChatBotKit.Filters.IResponseFilter
    {
        public string Name => "delegate";

        public ChatBotKit.Filters.FilterResult Apply(string text, ChatBotKit.Filters.ResponseFilterContext context) =>
            ChatBotKit.Filters.FilterResult.Keep(apply(text));
    }
}
