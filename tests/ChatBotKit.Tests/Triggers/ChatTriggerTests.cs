using ChatBotKit.Triggers;

namespace ChatBotKit.Tests.Triggers;

public sealed class ChatTriggerTests
{
    public static TheoryData<ChatTrigger> EveryBuiltInTrigger() =>
    [
        new MentionTrigger(),
        new KeywordTrigger("pizza"),
        new RegexTrigger("pizza"),
        new CommandTrigger("dice"),
        new PrivateMessageTrigger(),
        new AmbientTrigger(),
        new TimerTrigger(TimeSpan.FromMinutes(5)) { Instruction = "Say hi." },
        new MediaChangeTrigger(),
        new ContextualTrigger(),
    ];

    [Theory]
    [MemberData(nameof(EveryBuiltInTrigger))]
    public void Validate_Defaults_Pass(ChatTrigger trigger)
    {
        var act = () => trigger.Validate("Triggers[0]");

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Validate_ProbabilityOutsideZeroToOne_NamesProbability(double probability)
    {
        var act = () => new MentionTrigger { Probability = probability }.Validate("Triggers[2]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[2].Probability");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Validate_ProbabilityAtBounds_Passes(double probability)
    {
        var act = () => new MentionTrigger { Probability = probability }.Validate("Triggers[2]");

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_NegativeCooldown_NamesCooldown()
    {
        var act = () => new KeywordTrigger("pizza") { Cooldown = TimeSpan.FromSeconds(-1) }.Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].Cooldown");
    }

    [Fact]
    public void Validate_BlankName_NamesName()
    {
        var act = () => new MentionTrigger { Name = " " }.Validate("Triggers[0]");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("Triggers[0].Name");
    }

    [Fact]
    public void Validate_Failure_MessageNamesSettingAndValue()
    {
        var act = () => new MentionTrigger { Probability = 1.5 }.Validate("Triggers[2]");

        act.Should().Throw<ChatBotConfigurationException>().WithMessage("Triggers[2].Probability:*1.5*");
    }

    [Fact]
    public void Name_Set_OverridesKind()
    {
        var trigger = new MentionTrigger { Name = "hello" };

        trigger.Name.Should().Be("hello");
        trigger.Kind.Should().Be("mention");
    }
}
