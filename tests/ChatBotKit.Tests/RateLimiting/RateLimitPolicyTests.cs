using ChatBotKit.Events;
using ChatBotKit.RateLimiting;

namespace ChatBotKit.Tests.RateLimiting;

public sealed class RateLimitPolicyTests
{
    [Fact]
    public void Default_Values_MatchTheDocumentedDefaults()
    {
        var policy = RateLimitPolicy.Default;

        policy.PerChannel.Should().Equal(new RateWindow(2, TimeSpan.FromMinutes(1)), new RateWindow(20, TimeSpan.FromHours(1)));
        policy.PerUser.Should().Equal(new RateWindow(5, TimeSpan.FromHours(1)));
        policy.Global.Should().BeEmpty();
        policy.MinimumGap.Should().Be(TimeSpan.FromSeconds(15));
        policy.MultiplierFor(ChatRoles.Moderator).Should().Be(double.PositiveInfinity);
        policy.MultiplierFor(ChatRoles.Broadcaster).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Unlimited_Values_HaveNoWindowsAndNoGap()
    {
        var policy = RateLimitPolicy.Unlimited;

        policy.PerChannel.Should().BeEmpty();
        policy.PerUser.Should().BeEmpty();
        policy.Global.Should().BeEmpty();
        policy.MinimumGap.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(ChatRoles.None, 1.0)]
    [InlineData(ChatRoles.Subscriber, 1.0)]
    [InlineData(ChatRoles.Vip, 2.0)]
    [InlineData(ChatRoles.Vip | ChatRoles.Subscriber, 2.0)]
    [InlineData(ChatRoles.Vip | ChatRoles.Moderator, double.PositiveInfinity)]
    [InlineData(ChatRoles.VerifiedBot, 0.5)]
    [InlineData(ChatRoles.VerifiedBot | ChatRoles.Subscriber, 0.5)]
    [InlineData(ChatRoles.VerifiedBot | ChatRoles.Vip, 2.0)]
    public void MultiplierFor_Roles_LargestMultiplierOfTheUsersRolesApplies(ChatRoles roles, double expected)
    {
        var policy = RateLimitPolicy.Default with
        {
            RoleMultipliers = new Dictionary<ChatRoles, double>
            {
                [ChatRoles.Moderator] = double.PositiveInfinity,
                [ChatRoles.Vip] = 2,
                [ChatRoles.VerifiedBot] = 0.5,
            },
        };

        policy.MultiplierFor(roles).Should().Be(expected);
    }

    [Theory]
    [InlineData("PerUser", "RateLimits.PerUser[0].Limit")]
    [InlineData("PerChannel", "RateLimits.PerChannel[1].Limit")]
    [InlineData("Global", "RateLimits.Global[0].Limit")]
    public void Validate_WindowLimitBelowOne_NamesTheWindow(string list, string setting)
    {
        RateWindow bad = new(0, TimeSpan.FromMinutes(1));
        var policy = list switch
        {
            "PerUser" => RateLimitPolicy.Default with { PerUser = [bad] },
            "PerChannel" => RateLimitPolicy.Default with { PerChannel = [RateWindow.PerMinute(2), bad] },
            _ => RateLimitPolicy.Default with { Global = [bad] },
        };

        var act = () => policy.Validate();

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be(setting);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Validate_WindowNotPositive_NamesTheWindow(int seconds)
    {
        var policy = RateLimitPolicy.Default with { PerChannel = [new RateWindow(2, TimeSpan.FromSeconds(seconds))] };

        var act = () => policy.Validate();

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("RateLimits.PerChannel[0].Window");
    }

    [Fact]
    public void Validate_NegativeMinimumGap_NamesIt()
    {
        var act = () => (RateLimitPolicy.Default with { MinimumGap = TimeSpan.FromSeconds(-1) }).Validate("Bot.RateLimits");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Bot.RateLimits.MinimumGap");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Validate_MultiplierNotPositive_NamesTheRole(double multiplier)
    {
        var policy = RateLimitPolicy.Default with { RoleMultipliers = new Dictionary<ChatRoles, double> { [ChatRoles.Vip] = multiplier } };

        var act = () => policy.Validate();

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("RateLimits.RoleMultipliers[Vip]");
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var act = () =>
        {
            RateLimitPolicy.Default.Validate();
            RateLimitPolicy.Unlimited.Validate();
        };

        act.Should().NotThrow();
    }

    [Fact]
    public void RateWindow_Helpers_BuildMinuteAndHourWindows()
    {
        RateWindow.PerMinute(3).Should().Be(new RateWindow(3, TimeSpan.FromMinutes(1)));
        RateWindow.PerHour(7).Should().Be(new RateWindow(7, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void RateLimitDecision_Allowed_IsAllowedAndSaysSo()
    {
        RateLimitDecision.Allowed.IsAllowed.Should().BeTrue();
        RateLimitDecision.Allowed.ToString().Should().Be("allowed");
        new RateLimitDecision(RateLimitReason.User, TimeSpan.FromSeconds(90)).IsAllowed.Should().BeFalse();
        new RateLimitDecision(RateLimitReason.User, TimeSpan.FromSeconds(90)).ToString().Should().Be("User (retry in 90 s)");
    }
}
