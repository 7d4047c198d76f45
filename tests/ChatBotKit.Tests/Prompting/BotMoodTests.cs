using ChatBotKit.Events;
using ChatBotKit.Prompting;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Prompting;

public sealed class BotMoodTests
{
    private readonly VirtualClock _clock = new(Start);

    [Fact]
    public void Observe_Raid_MakesTheBotExcited()
    {
        var mood = new BotMood(timeProvider: _clock);

        mood.Observe(new ChannelRaided { Platform = ChatPlatform.Twitch, Channel = "c", Raider = ChatUser.Named("r"), ViewerCount = 50 });

        mood.Current.Emotion.Should().Be("excited");
        mood.PromptLine(Message("a", "hi")).Should().Contain("excited");
    }

    [Fact]
    public void Current_HalfLifePasses_HalfTheDistanceToTheBaselineIsLeft()
    {
        var mood = new BotMood(new MoodOptions { Baseline = new Mood(0, 0), HalfLife = TimeSpan.FromMinutes(2) }, _clock);
        mood.Nudge(new Mood(0.8, -0.4));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var once = mood.Current;
        _clock.Advance(TimeSpan.FromMinutes(2));
        var twice = mood.Current;

        once.Cheer.Should().BeApproximately(0.4, 1e-9);
        once.Energy.Should().BeApproximately(-0.2, 1e-9);
        twice.Cheer.Should().BeApproximately(0.2, 1e-9);
    }

    [Fact]
    public void Nudge_BeyondTheScale_IsClamped()
    {
        var mood = new BotMood(timeProvider: _clock);

        var moved = mood.Nudge(new Mood(5, -5));

        moved.Should().Be(new Mood(1, -1));
    }

    [Fact]
    public void Observe_KindWithoutImpulse_LeavesTheMoodAlone()
    {
        var mood = new BotMood(new MoodOptions { Impulses = new Dictionary<string, Mood> { ["follow"] = new(0.5, 0) } }, _clock);
        var before = mood.Current;

        mood.Observe(Message("alice", "hello"));

        mood.Current.Should().Be(before);
        mood.PromptLine(Message("alice", "hello")).Should().BeNull();
    }

    [Theory]
    [InlineData(0.5, 0.5, "excited")]
    [InlineData(0.35, 0.0, "happy")]
    [InlineData(-0.5, 0.5, "sad")]
    [InlineData(0.0, -0.6, "sleepy")]
    [InlineData(0.1, 0.1, "neutral")]
    public void Emotion_NamesTheMood(double cheer, double energy, string emotion) =>
        new Mood(cheer, energy).Emotion.Should().Be(emotion);

    [Fact]
    public void Constructor_HalfLifeZero_NamesTheSetting()
    {
        var act = () => new BotMood(new MoodOptions { HalfLife = TimeSpan.Zero });

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Mood.HalfLife");
    }
}
