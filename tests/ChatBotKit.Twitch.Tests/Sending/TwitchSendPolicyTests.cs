using ChatBotKit.Time;
using ChatBotKit.Twitch.Sending;

namespace ChatBotKit.Twitch.Tests.Sending;

public class TwitchSendPolicyTests
{
    private readonly VirtualClock _clock = new();
    private readonly TwitchSendStatistics _statistics = new();

    private TwitchSendPolicy Policy(TwitchSendLimits? limits = null) => new(limits ?? new TwitchSendLimits(), _clock, _statistics);

    [Fact]
    public void DelayFor_OrdinaryAccount_OneMessagePerSecondPerChannel()
    {
        var policy = Policy();
        policy.Record("a", "one");

        policy.DelayFor("a").Should().Be(TimeSpan.FromSeconds(1));
        policy.DelayFor("b").Should().Be(TimeSpan.Zero, "the gap is per channel");
        _clock.Advance(TimeSpan.FromSeconds(1));
        policy.DelayFor("a").Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void DelayFor_TwentyInWindow_WaitsForTheOldestToLeave()
    {
        var policy = Policy();
        for (var i = 0; i < 20; i++)
        {
            policy.Record($"c{i}", "x");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        policy.DelayFor("new").Should().Be(TimeSpan.FromSeconds(10), "the first of 20 was sent 20 s ago and leaves the 30 s window in 10 s");
    }

    [Fact]
    public void DelayFor_ElevatedChannel_HundredPerWindowAndNoChannelGap()
    {
        var policy = Policy();
        policy.SetRole("mine", elevated: true, slowModeExempt: true);
        for (var i = 0; i < 99; i++)
        {
            policy.Record("mine", $"m{i}");
        }

        policy.DelayFor("mine").Should().Be(TimeSpan.Zero);
        policy.DelayFor("other").Should().Be(TimeSpan.FromSeconds(30), "an ordinary channel still counts against 20");
        policy.Record("mine", "last");
        policy.DelayFor("mine").Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void DelayFor_SlowModeOrdinaryAccount_OneMessagePerSlowInterval()
    {
        var policy = Policy();
        policy.SetSlowMode("a", TimeSpan.FromSeconds(10));
        policy.Record("a", "one");

        policy.DelayFor("a").Should().Be(TimeSpan.FromSeconds(10));
        policy.DelayFor("b").Should().Be(TimeSpan.Zero, "slow mode is per channel");
        policy.SetSlowMode("a", TimeSpan.Zero);
        policy.DelayFor("a").Should().Be(TimeSpan.FromSeconds(1), "slow=0 turns it off, back to the 1 s gap");
    }

    [Fact]
    public void DelayFor_SlowModeAsModerator_Exempt()
    {
        var policy = Policy();
        policy.SetRole("a", elevated: true, slowModeExempt: true);
        policy.SetSlowMode("a", TimeSpan.FromSeconds(10));
        policy.Record("a", "one");

        policy.DelayFor("a").Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void DelayFor_SlowModeAsVip_StillPaced()
    {
        var policy = Policy();
        policy.SetRole("a", elevated: true, slowModeExempt: false);
        policy.SetSlowMode("a", TimeSpan.FromSeconds(10));
        policy.Record("a", "one");

        policy.DelayFor("a").Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Prepare_SameTextWithin30Seconds_VariedAndCounted()
    {
        var policy = Policy();
        policy.Record("a", "hello");
        _clock.Advance(TimeSpan.FromSeconds(5));

        var varied = policy.Prepare("a", "hello");

        varied.Should().Be("hello" + TwitchSendPolicy.DuplicateSuffix);
        _statistics.DuplicatesVaried.Should().Be(1);
        _clock.Advance(TimeSpan.FromSeconds(30));
        policy.Prepare("a", "hello").Should().Be("hello", "30 s later the text may repeat");
    }

    [Fact]
    public void Prepare_SameTextWhenSkipping_SkippedAndCounted()
    {
        var policy = Policy(new TwitchSendLimits { VaryDuplicates = false });
        policy.Record("a", "hello");

        policy.Prepare("a", "hello").Should().BeNull();
        _statistics.DuplicatesSkipped.Should().Be(1);
        _statistics.NotSent.Should().Be(1);
    }

    [Fact]
    public void Prepare_TooLong_CutTo500AndCounted()
    {
        Policy().Prepare("a", new string('x', 600)).Should().HaveLength(500);
        _statistics.Truncated.Should().Be(1);
    }

    [Fact]
    public void OnNotice_RateLimit_PausesTheChannel()
    {
        var policy = Policy();

        policy.OnNotice("a", "msg_ratelimit", "Your message was not sent because you are sending messages too quickly.");

        policy.DelayFor("a").Should().Be(TimeSpan.FromSeconds(30));
        _statistics.RateLimitNotices.Should().Be(1);
    }

    [Fact]
    public void OnNotice_TimedOut_PausesForTheStatedSeconds()
    {
        var policy = Policy();

        policy.OnNotice("a", "msg_timedout", "You are timed out for 593 more seconds.");

        policy.DelayFor("a").Should().Be(TimeSpan.FromSeconds(593));
        _statistics.TimedOutNotices.Should().Be(1);
    }

    [Fact]
    public void OnNotice_Banned_StopsTheChannelUntilResumed()
    {
        var policy = Policy();

        policy.OnNotice("a", "msg_banned", "You are permanently banned from talking in a.");

        policy.IsStopped("a").Should().BeTrue();
        policy.IsStopped("b").Should().BeFalse();
        policy.Resume("a");
        policy.IsStopped("a").Should().BeFalse();
    }

    [Fact]
    public void OnNotice_Duplicate_Counted()
    {
        Policy().OnNotice("a", "msg_duplicate", "Your message was not sent because it is identical to the previous one you sent, less than 30 seconds ago.");

        _statistics.DuplicateNotices.Should().Be(1);
    }
}
