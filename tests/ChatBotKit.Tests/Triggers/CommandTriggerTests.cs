using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class CommandTriggerTests
{
    private readonly CommandTrigger _dice = new("dice", "roll");

    [Theory]
    [InlineData("!dice")]
    [InlineData("!DICE")]
    [InlineData("!Dice 20")]
    [InlineData("!roll")]
    [InlineData("!ROLL 2 d6")]
    [InlineData("   !dice")]
    [InlineData("!dice\t20")]
    public void Matches_CommandOrAlias_ReturnsTrue(string text) =>
        _dice.Matches(For(Message("alice", text))).Should().BeTrue();

    [Theory]
    [InlineData("!dicey")]
    [InlineData("!dic")]
    [InlineData("!rolled")]
    [InlineData("dice")]
    [InlineData("roll the !dice")]
    [InlineData("! dice")]
    [InlineData("!")]
    [InlineData("?dice")]
    public void Matches_NotThisCommand_ReturnsFalse(string text) =>
        _dice.Matches(For(Message("alice", text))).Should().BeFalse();

    [Fact]
    public void Matches_NonMessageEvent_ReturnsFalse() =>
        _dice.Matches(For(Media("!dice"))).Should().BeFalse();

    [Fact]
    public void Matches_CustomPrefix_UsesOnlyThatPrefix()
    {
        var trigger = new CommandTrigger("dice") { Prefix = "kit:" };

        trigger.Matches(For(Message("alice", "kit:dice 6"))).Should().BeTrue();
        trigger.Matches(For(Message("alice", "!dice 6"))).Should().BeFalse();
    }

    [Theory]
    [InlineData(ChatRoles.Moderator, true)]
    [InlineData(ChatRoles.Vip, true)]
    [InlineData(ChatRoles.Vip | ChatRoles.Subscriber, true)]
    [InlineData(ChatRoles.Subscriber, false)]
    [InlineData(ChatRoles.Broadcaster, false)]
    [InlineData(ChatRoles.None, false)]
    public void Matches_RequiredRoles_AnyOneRoleSuffices(ChatRoles roles, bool expected)
    {
        var trigger = new CommandTrigger("so") { RequiredRoles = ChatRoles.Moderator | ChatRoles.Vip };

        trigger.Matches(For(Message("alice", "!so bob", roles: roles))).Should().Be(expected);
    }

    [Fact]
    public void Matches_NoRequiredRoles_EveryoneMayUse() =>
        _dice.Matches(For(Message("alice", "!dice", roles: ChatRoles.None))).Should().BeTrue();

    [Fact]
    public void TryParse_Arguments_SplitsOnWhitespaceAndTrims()
    {
        _dice.TryParse("!dice   2\td20  ", out var invocation).Should().BeTrue();

        invocation.Name.Should().Be("dice");
        invocation.ArgumentText.Should().Be("2\td20");
        invocation.Arguments.Should().Equal("2", "d20");
    }

    [Fact]
    public void TryParse_NoArguments_GivesEmptyArguments()
    {
        _dice.TryParse("!dice", out var invocation).Should().BeTrue();

        invocation.ArgumentText.Should().BeEmpty();
        invocation.Arguments.Should().BeEmpty();
    }

    [Fact]
    public void TryParse_Alias_GivesCanonicalName()
    {
        _dice.TryParse("!ROLL 6", out var invocation).Should().BeTrue();

        invocation.Name.Should().Be("dice");
        invocation.Arguments.Should().Equal("6");
    }

    [Fact]
    public void TryParse_OtherCommand_ReturnsFalseAndDefault()
    {
        _dice.TryParse("!dicey 6", out var invocation).Should().BeFalse();

        invocation.Should().Be(default(CommandInvocation));
    }

    [Theory]
    [InlineData("two words", "Triggers[0].Command")]
    [InlineData("", "Triggers[0].Command")]
    public void Validate_CommandNotOneWord_NamesCommand(string command, string setting)
    {
        var act = () => new CommandTrigger(command).Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be(setting);
    }

    [Fact]
    public void Validate_EmptyPrefix_NamesPrefix()
    {
        var act = () => new CommandTrigger("dice") { Prefix = "" }.Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].Prefix");
    }

    [Fact]
    public void Validate_EmptyAlias_NamesAliasIndex()
    {
        var act = () => new CommandTrigger("dice", "roll", "").Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].Aliases[1]");
    }
}
