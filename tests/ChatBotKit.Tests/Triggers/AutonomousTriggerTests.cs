using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class AutonomousTriggerTests
{
    private readonly IdleChatterTrigger _idle = new(TimeSpan.FromMinutes(10), "games", "music", "pets") { Name = "idle" };

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void IdleChatter_OwnTick_OnlyWhileChatIsQuiet(int messages, bool expected) =>
        _idle.Matches(For(Tick(messages))).Should().Be(expected);

    [Fact]
    public void IdleChatter_TopicAt_TakesTurnsWithEachInterval()
    {
        var topics = Enumerable.Range(0, 4).Select(i => _idle.TopicAt(Start + TimeSpan.FromMinutes(10 * i))).ToList();

        topics.Distinct().Should().HaveCount(3);
        topics[3].Should().Be(topics[0]);
        _idle.InstructionFor(Tick(0)).Should().EndWith("Topic: " + _idle.TopicAt(Start));
    }

    [Fact]
    public void IdleChatter_NoTopics_FailsValidationNamingTheSetting()
    {
        var act = () => new ChatBotBuilder("kit").OnIdleChatter(TimeSpan.FromMinutes(5), []).Build();

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].Topics");
    }

    [Fact]
    public void ChannelEvent_MatchesItsKindsOnly_AndItsCondition()
    {
        var raid = new ChannelEventTrigger("RAID") { When = e => ((ChannelRaided)e).ViewerCount >= 10 };
        ChatEvent Raid(int viewers) => new ChannelRaided { Platform = ChatPlatform.Twitch, Channel = "c", Raider = ChatUser.Named("r"), ViewerCount = viewers };

        raid.Matches(For(Raid(10))).Should().BeTrue();
        raid.Matches(For(Raid(9))).Should().BeFalse();
        raid.Matches(For(Message("alice", "raid"))).Should().BeFalse();
        raid.Priority.Should().Be(ReplyPriority.Event);
    }

    [Fact]
    public void Milestone_OnlyTheEventThatReachesACountMatches()
    {
        var milestone = new MilestoneTrigger("follow", 5, 2) { CountName = "followers" };
        var follows = Enumerable.Range(1, 6).Select(i => (ChatEvent)new UserFollowed { Platform = ChatPlatform.Twitch, Channel = "c", User = ChatUser.Named("u" + i) }).ToList();

        var matched = follows.Select(f =>
        {
            milestone.Observe(f);
            return milestone.Matches(For(f));
        }).ToList();

        matched.Should().Equal(false, true, false, false, true, false);
        milestone.InstructionFor(follows[4]).Should().StartWith("This brings the stream to 5 followers");
    }

    private TimerElapsed Tick(int messages) =>
        new() { Platform = ChatPlatform.Twitch, Channel = "c", Timer = _idle.Name, MessagesSinceLastTick = messages, Timestamp = Start };
}
