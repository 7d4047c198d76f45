using ChatBotKit.Events;
using ChatBotKit.RateLimiting;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.RateLimiting;

public sealed class SlidingWindowRateLimiterTests
{
    private static readonly RateLimitPolicy UserOnly = RateLimitPolicy.Default with { PerChannel = [], MinimumGap = TimeSpan.Zero };

    private readonly VirtualClock _clock = new(Start);

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Evaluate_NothingRecorded_Allowed() =>
        new SlidingWindowRateLimiter().Evaluate(Request(), Now).Should().Be(RateLimitDecision.Allowed);

    [Fact]
    public void Evaluate_UserUsedUpTheirReplies_BlockedUntilTheOldestLeavesTheWindow()
    {
        var limiter = new SlidingWindowRateLimiter(UserOnly);
        for (var i = 0; i < 5; i++)
        {
            limiter.Record(Request("alice"), Now);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        _clock.AdvanceTo(Start.AddMinutes(10));

        limiter.Evaluate(Request("alice"), Now).Should().Be(new RateLimitDecision(RateLimitReason.User, TimeSpan.FromMinutes(50)));
    }

    [Fact]
    public void Evaluate_UserWindowSlides_FreesOneReplyAtATime()
    {
        var limiter = new SlidingWindowRateLimiter(UserOnly);
        for (var i = 0; i < 5; i++)
        {
            limiter.Record(Request("alice"), Now);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        _clock.AdvanceTo(Start.AddHours(1));
        limiter.Evaluate(Request("alice"), Now).IsAllowed.Should().BeTrue();
        limiter.Record(Request("alice"), Now);

        limiter.Evaluate(Request("alice"), Now).Should().Be(new RateLimitDecision(RateLimitReason.User, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Evaluate_UserLimited_OtherUsersAndOtherChannelsUnaffected()
    {
        var limiter = new SlidingWindowRateLimiter(UserOnly);
        for (var i = 0; i < 5; i++)
        {
            limiter.Record(Request("alice"), Now);
        }

        limiter.Evaluate(Request("alice"), Now).Reason.Should().Be(RateLimitReason.User);
        limiter.Evaluate(Request("ALICE"), Now).Reason.Should().Be(RateLimitReason.User);
        limiter.Evaluate(Request("bob"), Now).IsAllowed.Should().BeTrue();
        limiter.Evaluate(Request("alice", channel: "other"), Now).IsAllowed.Should().BeTrue();
        limiter.Evaluate(Request("alice", platform: ChatPlatform.YouTube), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_ThirdReplyWithinAMinute_ChannelBlockedWithRetryAfter()
    {
        var limiter = new SlidingWindowRateLimiter();
        limiter.Record(Request("alice"), Now);
        _clock.Advance(TimeSpan.FromSeconds(20));
        limiter.Record(Request("bob"), Now);
        _clock.Advance(TimeSpan.FromSeconds(20));

        limiter.Evaluate(Request("carol"), Now).Should().Be(new RateLimitDecision(RateLimitReason.Channel, TimeSpan.FromSeconds(20)));

        _clock.Advance(TimeSpan.FromSeconds(20));
        limiter.Evaluate(Request("carol"), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_TwentyFirstReplyInAnHour_ChannelBlocked()
    {
        var limiter = new SlidingWindowRateLimiter();
        for (var i = 0; i < 20; i++)
        {
            _clock.AdvanceTo(Start.AddMinutes(3 * i));
            limiter.Evaluate(Request($"viewer{i}"), Now).IsAllowed.Should().BeTrue($"reply {i + 1} is within the limits");
            limiter.Record(Request($"viewer{i}"), Now);
        }

        _clock.AdvanceTo(Start.AddMinutes(59));

        limiter.Evaluate(Request("late"), Now).Should().Be(new RateLimitDecision(RateLimitReason.Channel, TimeSpan.FromMinutes(1)));
        _clock.Advance(TimeSpan.FromMinutes(1));
        limiter.Evaluate(Request("late"), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_SeveralWindowsFull_RetryAfterIsTheLongestWait()
    {
        var limiter = new SlidingWindowRateLimiter();
        for (var i = 0; i < 20; i++)
        {
            limiter.Record(Request(null), Now);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        _clock.AdvanceTo(Start.AddSeconds(30));

        limiter.Evaluate(Request(null), Now).Should().Be(new RateLimitDecision(RateLimitReason.Channel, TimeSpan.FromSeconds(3570)));
    }

    [Fact]
    public void Evaluate_WithinMinimumGap_BlockedUntilGapEnds()
    {
        var limiter = new SlidingWindowRateLimiter();
        limiter.Record(Request("alice"), Now);
        _clock.Advance(TimeSpan.FromSeconds(10));

        limiter.Evaluate(Request("bob"), Now).Should().Be(new RateLimitDecision(RateLimitReason.MinimumGap, TimeSpan.FromSeconds(5)));

        _clock.Advance(TimeSpan.FromSeconds(5));
        limiter.Evaluate(Request("bob"), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_AReplyWrittenByAHandler_IsNotHeldByTheMinimumGap_ButStillCountsAsTheLastReply()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Default with { PerChannel = [] });
        limiter.Record(Request("alice"), Now);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var command = Request("bob") with { WrittenByHandler = true };
        limiter.Evaluate(command, Now).IsAllowed.Should().BeTrue();
        limiter.Record(command, Now);

        limiter.Evaluate(Request("carol"), Now).Should().Be(new RateLimitDecision(RateLimitReason.MinimumGap, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void Evaluate_MinimumGap_AppliesPerChannel()
    {
        var limiter = new SlidingWindowRateLimiter();
        limiter.Record(Request("alice", channel: "a"), Now);

        limiter.Evaluate(Request("alice", channel: "b"), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_GlobalLimit_CountsRepliesAcrossChannelsAndPlatforms()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Unlimited with { Global = [RateWindow.PerMinute(3)] });
        limiter.Record(Request("alice", channel: "a"), Now);
        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.Record(Request("alice", channel: "b"), Now);
        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.Record(Request("alice", channel: "a", platform: ChatPlatform.YouTube), Now);
        _clock.AdvanceTo(Start.AddSeconds(10));

        limiter.Evaluate(Request("bob", channel: "d"), Now).Should().Be(new RateLimitDecision(RateLimitReason.Global, TimeSpan.FromSeconds(50)));
    }

    [Fact]
    public void Evaluate_DefaultPolicy_HasNoGlobalLimit()
    {
        var limiter = new SlidingWindowRateLimiter();
        for (var channel = 0; channel < 30; channel++)
        {
            limiter.Record(Request($"viewer{channel}", channel: $"c{channel}"), Now);
        }

        limiter.Evaluate(Request("alice", channel: "fresh"), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_TriggerCoolingDown_BlockedOnlyForThatTriggerInThatChannel()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Unlimited);
        var cooldown = TimeSpan.FromSeconds(30);
        limiter.Record(Request("alice", channel: "a", trigger: "mention", cooldown: cooldown), Now);
        _clock.Advance(TimeSpan.FromSeconds(10));

        limiter.Evaluate(Request("bob", channel: "a", trigger: "mention", cooldown: cooldown), Now)
            .Should().Be(new RateLimitDecision(RateLimitReason.TriggerCooldown, TimeSpan.FromSeconds(20)));
        limiter.Evaluate(Request("bob", channel: "b", trigger: "mention", cooldown: cooldown), Now).IsAllowed.Should().BeTrue();
        limiter.Evaluate(Request("bob", channel: "a", trigger: "keyword", cooldown: cooldown), Now).IsAllowed.Should().BeTrue();

        _clock.Advance(TimeSpan.FromSeconds(20));
        limiter.Evaluate(Request("bob", channel: "a", trigger: "mention", cooldown: cooldown), Now).IsAllowed.Should().BeTrue();
    }

    [Theory]
    [InlineData(ChatRoles.Moderator)]
    [InlineData(ChatRoles.Broadcaster)]
    public void Evaluate_ModeratorOrBroadcaster_ExemptFromUserLimitAndCooldown(ChatRoles role)
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Default with { PerUser = [RateWindow.PerHour(1)], PerChannel = [], MinimumGap = TimeSpan.Zero });
        var cooldown = TimeSpan.FromHours(1);
        for (var i = 0; i < 3; i++)
        {
            limiter.Record(Request("mod", roles: role, cooldown: cooldown), Now);
        }

        limiter.Evaluate(Request("mod", roles: role, cooldown: cooldown), Now).IsAllowed.Should().BeTrue();
        limiter.Evaluate(Request("viewer", cooldown: cooldown), Now).Reason.Should().Be(RateLimitReason.TriggerCooldown, "the trigger fired for the moderator");
    }

    [Fact]
    public void Evaluate_Viewer_NotExemptFromUserLimit()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Default with { PerUser = [RateWindow.PerHour(1)], PerChannel = [], MinimumGap = TimeSpan.Zero });
        limiter.Record(Request("viewer", roles: ChatRoles.Subscriber | ChatRoles.Vip), Now);

        limiter.Evaluate(Request("viewer", roles: ChatRoles.Subscriber | ChatRoles.Vip), Now).Reason.Should().Be(RateLimitReason.User);
    }

    [Fact]
    public void Evaluate_Moderator_StillSubjectToChannelLimitAndGap()
    {
        var limiter = new SlidingWindowRateLimiter();
        limiter.Record(Request("mod", roles: ChatRoles.Moderator), Now);
        _clock.Advance(TimeSpan.FromSeconds(5));
        limiter.Evaluate(Request("mod", roles: ChatRoles.Moderator), Now).Reason.Should().Be(RateLimitReason.MinimumGap);

        _clock.Advance(TimeSpan.FromSeconds(15));
        limiter.Record(Request("mod", roles: ChatRoles.Moderator), Now);
        _clock.Advance(TimeSpan.FromSeconds(20));

        limiter.Evaluate(Request("mod", roles: ChatRoles.Moderator), Now)
            .Should().Be(new RateLimitDecision(RateLimitReason.Channel, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Evaluate_Moderator_StillSubjectToGlobalLimit()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Unlimited with { Global = [RateWindow.PerMinute(1)] });
        limiter.Record(Request("mod", channel: "a", roles: ChatRoles.Moderator), Now);

        limiter.Evaluate(Request("mod", channel: "b", roles: ChatRoles.Moderator), Now).Reason.Should().Be(RateLimitReason.Global);
    }

    [Fact]
    public void Evaluate_RoleMultiplierTwo_DoublesTheUserLimit()
    {
        var policy = UserOnly with { RoleMultipliers = new Dictionary<ChatRoles, double> { [ChatRoles.Vip] = 2 } };
        var limiter = new SlidingWindowRateLimiter(policy);
        for (var i = 0; i < 10; i++)
        {
            limiter.Evaluate(Request("vip", roles: ChatRoles.Vip), Now).IsAllowed.Should().BeTrue($"reply {i + 1} is within twice the limit");
            limiter.Record(Request("vip", roles: ChatRoles.Vip), Now);
            limiter.Record(Request($"viewer{i}"), Now);
        }

        limiter.Evaluate(Request("vip", roles: ChatRoles.Vip), Now).Reason.Should().Be(RateLimitReason.User);
    }

    [Fact]
    public void Evaluate_RoleMultiplierTwo_LeavesOtherUsersAtTheLimit()
    {
        var policy = UserOnly with { RoleMultipliers = new Dictionary<ChatRoles, double> { [ChatRoles.Vip] = 2 } };
        var limiter = new SlidingWindowRateLimiter(policy);
        for (var i = 0; i < 5; i++)
        {
            limiter.Record(Request("viewer"), Now);
        }

        limiter.Evaluate(Request("viewer"), Now).Reason.Should().Be(RateLimitReason.User);
    }

    [Fact]
    public void Evaluate_RoleMultiplierBelowOne_ReducesTheUserLimit()
    {
        var policy = UserOnly with { RoleMultipliers = new Dictionary<ChatRoles, double> { [ChatRoles.Subscriber] = 0.5 } };
        var limiter = new SlidingWindowRateLimiter(policy);
        limiter.Record(Request("sub", roles: ChatRoles.Subscriber), Now);
        limiter.Record(Request("sub", roles: ChatRoles.Subscriber), Now);

        limiter.Evaluate(Request("sub", roles: ChatRoles.Subscriber), Now).Reason.Should().Be(RateLimitReason.User);
    }

    [Fact]
    public void Evaluate_NeverRecords()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Unlimited with { PerChannel = [RateWindow.PerMinute(1)] });
        for (var i = 0; i < 100; i++)
        {
            limiter.Evaluate(Request("alice", cooldown: TimeSpan.FromHours(1)), Now).IsAllowed.Should().BeTrue();
        }

        limiter.Record(Request("alice"), Now);

        limiter.Evaluate(Request("alice"), Now).Reason.Should().Be(RateLimitReason.Channel);
    }

    [Fact]
    public void Policy_Replaced_KeepsChannelHistory()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Unlimited with { PerChannel = [RateWindow.PerMinute(5)] });
        for (var i = 0; i < 3; i++)
        {
            limiter.Record(Request(null), Now);
        }

        limiter.Evaluate(Request(null), Now).IsAllowed.Should().BeTrue();

        limiter.Policy = RateLimitPolicy.Unlimited with { PerChannel = [RateWindow.PerMinute(3)] };

        limiter.Evaluate(Request(null), Now).Should().Be(new RateLimitDecision(RateLimitReason.Channel, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Policy_Replaced_KeepsUserHistoryAndCooldowns()
    {
        var limiter = new SlidingWindowRateLimiter(UserOnly);
        limiter.Record(Request("alice", cooldown: TimeSpan.FromMinutes(1)), Now);
        limiter.Record(Request("alice"), Now);

        limiter.Policy = UserOnly with { PerUser = [RateWindow.PerHour(2)] };

        limiter.Evaluate(Request("alice"), Now).Reason.Should().Be(RateLimitReason.User);
        limiter.Evaluate(Request("bob", cooldown: TimeSpan.FromMinutes(1)), Now).Reason.Should().Be(RateLimitReason.TriggerCooldown);
    }

    [Fact]
    public void Policy_SetToInvalid_ThrowsAndKeepsThePreviousPolicy()
    {
        var limiter = new SlidingWindowRateLimiter(UserOnly);

        var act = () => limiter.Policy = UserOnly with { MinimumGap = TimeSpan.FromSeconds(-1) };

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("RateLimits.MinimumGap");
        limiter.Policy.Should().BeSameAs(UserOnly);
    }

    [Fact]
    public void Record_ManyUsersSwept_ActiveUserKeepsTheirCount()
    {
        var limiter = new SlidingWindowRateLimiter(UserOnly);
        for (var i = 0; i < 5; i++)
        {
            limiter.Record(Request("alice"), Now);
        }

        _clock.Advance(TimeSpan.FromMinutes(30));
        for (var i = 0; i < 3000; i++)
        {
            limiter.Record(Request($"viewer{i}"), Now);
        }

        limiter.Evaluate(Request("alice"), Now).Should().Be(new RateLimitDecision(RateLimitReason.User, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Record_ManyUsersSweptAfterTheirWindow_IdleUsersStartAfresh()
    {
        var limiter = new SlidingWindowRateLimiter(UserOnly);
        for (var i = 0; i < 5; i++)
        {
            limiter.Record(Request("alice"), Now);
        }

        _clock.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 3000; i++)
        {
            limiter.Record(Request($"viewer{i}"), Now);
        }

        limiter.Evaluate(Request("alice"), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void EvaluateAndRecord_NoUser_CountOnlyTowardsTheChannel()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Default with { MinimumGap = TimeSpan.Zero });

        var act = () =>
        {
            limiter.Evaluate(Request(null), Now);
            limiter.Record(Request(null), Now);
            limiter.Record(Request(null), Now);
        };

        act.Should().NotThrow();
        limiter.Evaluate(Request(null), Now).Reason.Should().Be(RateLimitReason.Channel);
    }

    [Fact]
    public void Evaluate_UnknownChannelOrPlatform_Allowed()
    {
        var limiter = new SlidingWindowRateLimiter();
        limiter.Record(Request("alice"), Now);

        limiter.Evaluate(Request("alice", channel: "never-seen"), Now).IsAllowed.Should().BeTrue();
        limiter.Evaluate(Request("alice", platform: new ChatPlatform("irc")), Now).IsAllowed.Should().BeTrue();
        limiter.Evaluate(Request("alice", channel: "", platform: default(ChatPlatform)), Now).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_HugeCooldownAndWindow_NeverThrows()
    {
        var limiter = new SlidingWindowRateLimiter(RateLimitPolicy.Unlimited with
        {
            PerChannel = [new RateWindow(1, TimeSpan.MaxValue)],
            MinimumGap = TimeSpan.MaxValue,
        });
        limiter.Record(Request("alice", cooldown: TimeSpan.MaxValue), Now);

        var decision = limiter.Evaluate(Request("alice", cooldown: TimeSpan.MaxValue), Now);

        decision.Reason.Should().Be(RateLimitReason.TriggerCooldown);
        decision.RetryAfter.Should().BeGreaterThan(TimeSpan.FromDays(365 * 1000));
        limiter.Evaluate(Request("alice", trigger: "other"), Now).Reason.Should().Be(RateLimitReason.Channel);
        limiter.Evaluate(Request("alice", channel: "quiet"), Now).IsAllowed.Should().BeTrue("the bot never spoke there");
    }

    [Fact]
    public void Constructor_InvalidPolicy_ThrowsNamingTheSetting()
    {
        var act = () => new SlidingWindowRateLimiter(RateLimitPolicy.Default with { PerUser = [new RateWindow(0, TimeSpan.FromHours(1))] });

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("RateLimits.PerUser[0].Limit");
    }

    private static RateLimitRequest Request(
        string? user = "alice",
        string channel = "c",
        ChatRoles roles = ChatRoles.None,
        string trigger = "mention",
        TimeSpan cooldown = default,
        ChatPlatform? platform = null) =>
        new(platform ?? ChatPlatform.Twitch, channel, user, roles, trigger, cooldown);
}
