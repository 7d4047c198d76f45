using ChatBotKit.Engine;
using ChatBotKit.Events;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class TimedAndContextualTests : EngineTestBase
{
    [Fact]
    public async Task Timer_ActiveChat_SpeaksEachInterval()
    {
        await using var engine = Start(Bot().OnTimer(TimeSpan.FromMinutes(5), "Remind chat to hydrate.", minMessages: 2).Build());
        engine.Post(Message("a", "one"), Source);
        engine.Post(Message("b", "two"), Source);
        await engine.WhenIdleAsync();

        Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForDecisionAsync(d => d.EventKind == "timer");
        await engine.WhenIdleAsync();

        var sent = Source.Sent.Should().ContainSingle().Subject;
        sent.Trigger.Should().Be("timer");
        sent.Timestamp.Should().Be(Fakes.Events.Start + TimeSpan.FromMinutes(5));
        Llm.Requests.Single()[0].Text.Should().Contain("Remind chat to hydrate.");
    }

    [Fact]
    public async Task Timer_QuietChat_StaysSilent()
    {
        await using var engine = Start(Bot().OnTimer(TimeSpan.FromMinutes(5), "Say something.", minMessages: 2).Build());
        engine.Post(Message("a", "only one"), Source);
        await engine.WhenIdleAsync();

        Clock.Advance(TimeSpan.FromMinutes(5));
        var tick = await WaitForDecisionAsync(d => d.EventKind == "timer");

        tick.Outcome.Should().Be(DecisionOutcome.NoTrigger);
        Source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Timer_CountsOnlyMessagesSinceTheLastTick()
    {
        await using var engine = Start(Bot().OnTimer(TimeSpan.FromMinutes(5), _ => "tick!", minMessages: 2).Build());
        engine.Post(Message("a", "one"), Source);
        engine.Post(Message("b", "two"), Source);
        await engine.WhenIdleAsync();

        Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForDecisionAsync(d => d.EventKind == "timer");
        Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForDecisionAsync(d => d.EventKind == "timer" && d.Timestamp == Fakes.Events.Start + TimeSpan.FromMinutes(10));
        await engine.WhenIdleAsync();

        Decisions.Decisions.Where(d => d.EventKind == "timer").Select(d => d.Outcome)
            .Should().Equal(DecisionOutcome.Replied, DecisionOutcome.NoTrigger);
    }

    [Fact]
    public async Task MediaChange_CommentsWithTheTitleInAUserMessage()
    {
        await using var engine = Start(Bot().OnMediaChange().Build());

        engine.Post(Media("Big Buck Bunny"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Trigger.Should().Be("media-change");
        var request = Llm.Requests.Single();
        request[0].Text.Should().NotContain("Big Buck Bunny");
        request[^1].Text.Should().Be("(event) Now playing: Big Buck Bunny");
    }

    [Fact]
    public async Task Contextual_LlmSaysYes_RepliesAfterAsking()
    {
        Llm.Respond = (messages, _) => Task.FromResult(messages[0].Text.Contains("yes or no", StringComparison.Ordinal) ? "Yes." : "Count me in!");
        await using var engine = Start(Bot().OnContextual(minMessagesSinceBot: 2).Build());

        engine.Post(Message("a", "who else loves speedruns"), Source);
        engine.Post(Message("b", "speedruns are the best thing"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("Count me in!");
        Llm.Requests.Should().HaveCount(2);
        Llm.Requests[0][1].Text.Should().Contain("a: who else loves speedruns");
    }

    [Fact]
    public async Task Contextual_LlmSaysNo_DeclinesAndWaitsTheIntervalBeforeAskingAgain()
    {
        Llm.Respond = (_, _) => Task.FromResult("no");
        await using var engine = Start(Bot().OnContextual(interval: TimeSpan.FromMinutes(1), minMessagesSinceBot: 1).Build());

        engine.Post(Message("a", "this is a long enough message"), Source);
        await engine.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromSeconds(30));
        engine.Post(Message("b", "another long enough message here"), Source);
        await engine.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromSeconds(31));
        engine.Post(Message("c", "and a third long message"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => d.Outcome).Should().Equal(DecisionOutcome.Declined, DecisionOutcome.NoTrigger, DecisionOutcome.Declined);
        Decisions.Decisions[1].Reason.Should().Be(DecisionReasons.Cooldown);
        Llm.Requests.Should().HaveCount(2);
        Source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Contextual_OfflineResponder_NeverJoinsIn()
    {
        var definition = new ChatBotBuilder("kit").OnContextual(minMessagesSinceBot: 1).WithRateLimits(ChatBotKit.RateLimiting.RateLimitPolicy.Unlimited).Build();
        await using var engine = Start(definition);

        engine.Post(Message("a", "this is a long enough message"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(DecisionOutcome.Declined);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("ban")]
    public async Task ModeratedUser_LinesLeaveTheContext(string action)
    {
        await using var engine = Start(Bot().OnMention().Build());
        engine.Post(Message("troll", "something nasty"), Source);
        engine.Post(Message("alice", "hello everyone"), Source);
        ChatEvent moderation = action == "ban"
            ? new UserBanned { Platform = ChatPlatform.Twitch, Channel = "c", User = ChatUser.Named("troll") }
            : new UserTimedOut { Platform = ChatPlatform.Twitch, Channel = "c", User = ChatUser.Named("troll"), Duration = TimeSpan.FromMinutes(10) };
        engine.Post(moderation, Source);
        engine.Post(Message("bob", "kit, what did we miss?"), Source);
        await engine.WhenIdleAsync();

        Llm.Requests.Single().Skip(1).Select(m => m.Text).Should().Equal("alice: hello everyone", "bob: kit, what did we miss?");
    }

    [Fact]
    public async Task DeletedMessage_LeavesTheContext()
    {
        await using var engine = Start(Bot().OnMention().Build());
        engine.Post(Message("alice", "oops, my address", id: "m1"), Source);
        engine.Post(Message("alice", "never mind", id: "m2"), Source);
        engine.Post(new MessageDeleted { Platform = ChatPlatform.Twitch, Channel = "c", MessageId = "m1" }, Source);
        engine.Post(Message("bob", "kit?"), Source);
        await engine.WhenIdleAsync();

        Llm.Requests.Single().Skip(1).Select(m => m.Text).Should().Equal("alice: never mind", "bob: kit?");
    }
}
