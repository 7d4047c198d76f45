using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

public class IrcLineTests
{
    [Fact]
    public void Parse_FullLine_SplitsEveryPart()
    {
        var line = IrcLine.Parse("@a=1;b=x\\sy :nick!user@host PRIVMSG #chan :hello there\r\n");

        line.IsValid.Should().BeTrue();
        line.Tags.ToString().Should().Be("a=1;b=x\\sy");
        line.Prefix.ToString().Should().Be("nick!user@host");
        line.Nick.ToString().Should().Be("nick");
        line.Command.ToString().Should().Be("PRIVMSG");
        line.ParameterCount.Should().Be(2);
        line.Parameter(0).ToString().Should().Be("#chan");
        line.LastParameter.ToString().Should().Be("hello there");
        line.GetTag("b").Should().Be("x y");
        line.GetTag("missing").Should().BeNull();
    }

    [Fact]
    public void Parse_MiddleAndTrailingParameters_KeepsBoth()
    {
        var line = IrcLine.Parse(":tmi.twitch.tv PING test :abc def");

        line.Parameter(0).ToString().Should().Be("test");
        line.Parameter(1).ToString().Should().Be("abc def");
        line.HasTrailing.Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("@only-tags")]
    [InlineData(":prefix-only")]
    [InlineData("@t :p")]
    public void Parse_NoCommand_IsInvalid(string text) => IrcLine.Parse(text).IsValid.Should().BeFalse();

    [Fact]
    public void Parse_TagWithoutValue_HasEmptyValue()
    {
        var line = IrcLine.Parse("@flag;k=v CMD");

        line.TryGetTag("flag", out var value).Should().BeTrue();
        value.IsEmpty.Should().BeTrue();
    }

    public static TheoryData<int> TokenLengths() => [.. Enumerable.Range(1, 100)];

    [Theory]
    [MemberData(nameof(TokenLengths))]
    public void Parse_TokensOfAnyLength_AreSplitAtTheirSpaces(int length)
    {
        // Spaces are looked for 32 characters at a time: tokens of every length cross those steps.
        var token = new string('n', length);
        var line = IrcLine.Parse($"@id=1 :{token}!u@h {token} {token} {token} :{token} end\r\n");

        line.Prefix.ToString().Should().Be($"{token}!u@h");
        line.Command.ToString().Should().Be(token);
        line.Parameter(0).ToString().Should().Be(token);
        line.Parameter(1).ToString().Should().Be(token);
        line.LastParameter.ToString().Should().Be($"{token} end");
        line.ParameterCount.Should().Be(3);
    }

    [Theory]
    [InlineData("PING\r\n", 0)]
    [InlineData("PING \r\n", 0)]
    [InlineData("PING x\r\n", 1)]
    public void Parse_LineEnding_IsNoParameter(string text, int parameters)
    {
        var line = IrcLine.Parse(text);

        line.Command.ToString().Should().Be("PING");
        line.ParameterCount.Should().Be(parameters);
    }
}
