using ChatBotKit.Engine;
using ChatBotKit.Events;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class PauseAndRehearseTests : EngineTestBase
{
    [Fact]
    public async Task Post_ChannelPaused_ReadIntoContextButNotAnsweredUntilResumed()
    {
        await using var engine = Start(Bot().OnMention().Build());
        engine.Pauses.SetChannelPaused(ChatPlatform.Twitch, "c", paused: true);

        engine.Post(Message("alice", "kit, remember the blue team"), Source);
        engine.Post(Message("bob", "hi kit", channel: "other"), Source);
        await engine.WhenIdleAsync();
        engine.Pauses.SetChannelPaused(ChatPlatform.Twitch, "c", paused: false);
        engine.Post(Message("alice", "kit, which team?"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => (d.Channel, d.Outcome)).Should().BeEquivalentTo(
            [("c", DecisionOutcome.Paused), ("other", DecisionOutcome.Replied), ("c", DecisionOutcome.Replied)]);
        Decisions.Decisions.Single(d => d.Outcome == DecisionOutcome.Paused).Reason.Should().Be(DecisionReasons.Paused, "channels decide in any order");
        Llm.Requests[^1].Select(m => m.Text).Should().Contain(t => t.Contains("remember the blue team", StringComparison.Ordinal), "a paused event still enters the context");
    }

    [Fact]
    public async Task Post_BotPaused_EveryChannelIsHeld()
    {
        await using var engine = Start(Bot().OnMention().Build());
        engine.Pauses.SetBotPaused(true);

        engine.Post(Message("alice", "hi kit"), Source);
        engine.Post(Message("bob", "hi kit", channel: "other"), Source);
        await engine.WhenIdleAsync();

        Decisions.Decisions.Should().OnlyContain(d => d.Outcome == DecisionOutcome.Paused);
        Source.Sent.Should().BeEmpty();
        engine.Pauses.Holds(ChatPlatform.YouTube, "x").Should().BeTrue();
    }

    [Fact]
    public async Task Post_SourcePaused_OnlyThatSourcesEventsAreHeld()
    {
        await using var engine = Start(Bot().OnMention().Build());
        await using var backup = new ChatBotKit.Tests.Fakes.FakeChatSource();
        engine.Pauses.SetSourcePaused("main", paused: true);

        engine.Post(Message("alice", "hi kit"), Source, "main");
        engine.Post(Message("bob", "hi kit"), backup, "backup");
        await engine.WhenIdleAsync();

        Decisions.Decisions.Select(d => d.Outcome).Should().Equal(DecisionOutcome.Paused, DecisionOutcome.Replied);
        Source.Sent.Should().BeEmpty();
        backup.Sent.Should().ContainSingle("the other source of the same platform and channel goes on");
        engine.Pauses.IsSourcePaused("MAIN").Should().BeTrue("source names are matched ignoring case");
        engine.Pauses.IsPlatformPaused(ChatPlatform.Twitch).Should().BeFalse();
    }

    [Fact]
    public async Task RehearseAsync_Mention_ReturnsPromptRawReplyAndVerdictsAndSendsNothing()
    {
        Llm.Respond = (_, _) => Task.FromResult("**bold** answer");
        await using var engine = Start(Bot().OnMention().Build());

        var rehearsal = await engine.RehearseAsync(Message("alice", "hey @kit"));

        rehearsal.Trigger.Should().Be("mention");
        rehearsal.Prompt[^1].Text.Should().Contain("hey @kit");
        rehearsal.RawReply.Should().Be("**bold** answer");
        rehearsal.Filters.Should().Contain(v => v.Filter == "markdown" && v.Rejection == null && v.Messages[0] == "bold answer");
        rehearsal.Messages.Should().Equal("bold answer");
        Source.Sent.Should().BeEmpty();
        Decisions.Decisions.Should().BeEmpty("a rehearsal is not a decision");
    }

    [Fact]
    public async Task RehearseAsync_NothingMatches_SaysSo()
    {
        await using var engine = Start(Bot().OnMention().Build());

        var rehearsal = await engine.RehearseAsync(Message("alice", "just chatting"));

        rehearsal.Trigger.Should().BeNull();
        rehearsal.Problem.Should().Be(DecisionReasons.NoMatch);
        Llm.Requests.Should().BeEmpty();
    }
}
