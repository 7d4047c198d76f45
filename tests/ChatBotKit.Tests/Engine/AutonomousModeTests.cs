using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Prompting;
using ChatBotKit.Speech;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

/// <summary>Autonomous mode on virtual time: idle chatter, channel events, milestones, the mood and the streamer's hand.</summary>
public sealed class AutonomousModeTests : EngineTestBase
{
    private static readonly string[] Topics = ["favourite games", "music for streams", "weekend plans"];
    private readonly RecordingSpeaker _speaker = new();

    [Fact]
    public async Task IdleChatter_QuietChat_TalksAboutTheNextTopicEachInterval()
    {
        var trigger = new IdleChatterTrigger(TimeSpan.FromMinutes(10), Topics) { Name = "idle" };
        await using var engine = Start(Bot().AddTrigger(trigger).Build());
        engine.Post(Message("alice", "hi all"), Source);
        await engine.WhenIdleAsync();

        // The first tick sees alice's message: chat was not quiet.
        await TickAsync(1);
        await TickAsync(2);
        await TickAsync(3);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Where(d => d.EventKind == "timer").Select(d => d.Outcome)
            .Should().Equal(DecisionOutcome.NoTrigger, DecisionOutcome.Replied, DecisionOutcome.Replied);
        Source.Sent.Should().HaveCount(2).And.OnlyContain(m => m.Trigger == "idle");
        var second = trigger.TopicAt(Fakes.Events.Start + TimeSpan.FromMinutes(20));
        var third = trigger.TopicAt(Fakes.Events.Start + TimeSpan.FromMinutes(30));
        third.Should().NotBe(second);
        Llm.Requests[0][0].Text.Should().Contain(IdleChatterTrigger.DefaultInstruction).And.Contain("Topic: " + second);
        Llm.Requests[1][0].Text.Should().Contain("Topic: " + third);
    }

    [Fact]
    public async Task IdleChatter_ChatKeepsTalking_StaysSilent()
    {
        await using var engine = Start(Bot().OnIdleChatter(TimeSpan.FromMinutes(10), Topics).Build());
        engine.Post(Message("alice", "hi all"), Source);
        await engine.WhenIdleAsync();
        await TickAsync(1);
        engine.Post(Message("bob", "still here"), Source);
        await engine.WhenIdleAsync();
        await TickAsync(2);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Where(d => d.EventKind == "timer").Should().OnlyContain(d => d.Outcome == DecisionOutcome.NoTrigger);
        Source.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task Priorities_IdleChatterChatAndThanks_ReachTheSpeakerOnOneScale()
    {
        await using var engine = Start(Bot().WithSpeaker(_speaker).OnIdleChatter(TimeSpan.FromMinutes(10), Topics).OnFollow().OnMention().OnStreamerInput().Build());
        engine.Post(Message("alice", "hi all"), Source);
        await engine.WhenIdleAsync();
        await TickAsync(1);
        await TickAsync(2);
        engine.Post(Followed("bob"), Source);
        engine.Post(Message("carol", "hey kit, how are you?"), Source);
        engine.Post(Message("streamer", "!say Back in five!", roles: ChatRoles.Broadcaster), Source);
        await engine.WhenIdleAsync();

        _speaker.Requests.Select(r => (r.Trigger, r.Priority)).Should().BeEquivalentTo(
        [
            ("idle-chatter", ReplyPriority.Idle),
            ("follow", ReplyPriority.Event),
            ("mention", ReplyPriority.Chat),
            ("say", ReplyPriority.Streamer),
        ]);
    }

    [Fact]
    public async Task ChannelEvents_FollowRaidAndCheer_ThankedAboveTheirThresholds()
    {
        await using var engine = Start(Bot().OnFollow().OnRaid(minViewers: 5).OnCheer(minBits: 100).Build());

        ChatEvent[] events = [Followed("alice"), Raided("smallfry", 3), Raided("bigstreamer", 40), Cheered("bob", 50), Cheered("carol", 500)];
        foreach (var chatEvent in events)
        {
            engine.Post(chatEvent, Source);
            await engine.WhenIdleAsync();
        }

        Decisions.Decisions.Select(d => (d.EventKind, d.Outcome)).Should().Equal(
            ("follow", DecisionOutcome.Replied),
            ("raid", DecisionOutcome.NoTrigger),
            ("raid", DecisionOutcome.Replied),
            ("cheer", DecisionOutcome.NoTrigger),
            ("cheer", DecisionOutcome.Replied));
        Source.Sent.Select(m => m.Trigger).Should().Equal("follow", "raid", "cheer");
        Llm.Requests[0][0].Text.Should().Contain(ChannelEventTrigger.DefaultInstruction);
        Llm.Requests[1][^1].Text.Should().Be("(event) bigstreamer raided with 40 viewers.");
    }

    [Fact]
    public async Task Milestone_ThirdFollow_IsCelebratedInsteadOfThanked()
    {
        await using var engine = Start(Bot().OnMilestone("follow", [3], "followers").OnFollow().Build());

        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            engine.Post(Followed(name), Source);
            await engine.WhenIdleAsync();
        }

        Source.Sent.Select(m => m.Trigger).Should().Equal("follow", "follow", "milestone", "follow");
        Llm.Requests[2][0].Text.Should().Contain("This brings the stream to 3 followers");
        Llm.Requests[3][0].Text.Should().NotContain("brings the stream");
    }

    [Fact]
    public async Task Milestone_DistinctChatters_CountsEachViewerOnce()
    {
        await using var engine = Start(Bot().OnMilestone("message", [2], "viewers who chatted", distinctUsers: true).Build());

        engine.Post(Message("alice", "one"), Source);
        engine.Post(Message("alice", "two"), Source);
        engine.Post(Message("bob", "three"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => d.Outcome).Should().Equal(DecisionOutcome.NoTrigger, DecisionOutcome.NoTrigger, DecisionOutcome.Replied);
        Llm.Requests.Single()[0].Text.Should().Contain("2 viewers who chatted");
    }

    [Fact]
    public async Task Mood_RaidExcitesThePrompt_ThenTimeRelaxesIt()
    {
        var mood = new BotMood(timeProvider: Clock);
        await using var engine = Start(Bot().WithMood(mood).OnRaid().OnMention().Build());

        engine.Post(Raided("bigstreamer", 40), Source);
        await engine.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromMinutes(30));
        engine.Post(Message("alice", "kit are you still there?"), Source);
        await engine.WhenIdleAsync();

        Llm.Requests[0][0].Text.Should().Contain("you feel excited");
        Llm.Requests[1][0].Text.Should().NotContain("you feel");
        mood.Current.Emotion.Should().Be("neutral");
    }

    [Fact]
    public async Task StreamerInput_Say_SendsAndSpeaksTheTextAsItIs()
    {
        await using var engine = Start(Bot().WithEmotionTags("happy").WithSpeaker(_speaker).OnStreamerInput().Build());

        engine.Post(Message("streamer", "!say [happy] Thanks for watching everyone!", roles: ChatRoles.Broadcaster), Source);
        engine.Post(Message("troll", "!say I am the streamer now"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("Thanks for watching everyone!");
        _speaker.Phrases.Should().ContainSingle().Which.Should().Be(new ReplyPhrase("Thanks for watching everyone!", "happy"));
        Llm.Requests.Should().BeEmpty();
        Decisions.Decisions.Where(d => d.Outcome == DecisionOutcome.NoTrigger).Should().ContainSingle();
    }

    [Fact]
    public async Task StreamerInput_React_AsksTheLlmWithTheStreamersWords()
    {
        await using var engine = Start(Bot().OnStreamerInput().Build());

        engine.Post(Message("streamer", "!react we finally beat the boss", roles: ChatRoles.Broadcaster), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Trigger.Should().Be("react");
        var request = Llm.Requests.Single();
        request[0].Text.Should().Contain("with !react, to react");
        request[^1].Text.Should().Contain("!react we finally beat the boss");
    }

    [Fact]
    public async Task Observer_Throws_TheEventIsStillAnswered()
    {
        await using var engine = Start(Bot().AddObserver(new ThrowingObserver()).OnMention().Build());

        engine.Post(Message("alice", "hi kit"), Source);
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle();
    }

    private static UserFollowed Followed(string user) =>
        new() { Platform = ChatPlatform.Twitch, Channel = "c", User = ChatUser.Named(user), Timestamp = Fakes.Events.Start };

    private static ChannelRaided Raided(string raider, int viewers) =>
        new() { Platform = ChatPlatform.Twitch, Channel = "c", Raider = ChatUser.Named(raider), ViewerCount = viewers, Timestamp = Fakes.Events.Start };

    private static BitsCheered Cheered(string user, int bits) =>
        new() { Platform = ChatPlatform.Twitch, Channel = "c", User = ChatUser.Named(user), Bits = bits, Text = "Cheer" + bits, Timestamp = Fakes.Events.Start };

    private async Task TickAsync(int tick)
    {
        Clock.Advance(TimeSpan.FromMinutes(10));
        await WaitForDecisionAsync(d => d.EventKind == "timer" && d.Timestamp == Fakes.Events.Start + TimeSpan.FromMinutes(10 * tick));
    }

    private sealed class ThrowingObserver : IChatEventObserver
    {
        public void Observe(ChatEvent chatEvent) => throw new InvalidOperationException("observer broke");
    }
}
