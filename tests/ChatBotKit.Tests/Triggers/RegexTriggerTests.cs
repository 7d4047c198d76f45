using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatBotKit.Events;
using ChatBotKit.Triggers;
using static ChatBotKit.Tests.Fakes.Events;
using static ChatBotKit.Tests.Triggers.TriggerContexts;

namespace ChatBotKit.Tests.Triggers;

public sealed class RegexTriggerTests
{
    [Fact]
    public void Matches_TextMatchingPattern_ReturnsTrue() =>
        new RegexTrigger(@"\bwhat (song|track) is this\b").Matches(For(Message("alice", "hey, what song is this?"))).Should().BeTrue();

    [Fact]
    public void Matches_TextNotMatchingPattern_ReturnsFalse() =>
        new RegexTrigger(@"\bwhat (song|track) is this\b").Matches(For(Message("alice", "what a song"))).Should().BeFalse();

    [Fact]
    public void Matches_DifferentLetterCase_ReturnsTrue() =>
        new RegexTrigger("what song").Matches(For(Message("alice", "WHAT SONG is this"))).Should().BeTrue();

    [Fact]
    public void Matches_PrivateMessage_ReturnsFalse() =>
        new RegexTrigger("song").Matches(For(Message("alice", "song", kind: MessageKind.Private))).Should().BeFalse();

    [Fact]
    public void Matches_NonMessageEvent_ReturnsFalse() =>
        new RegexTrigger("song").Matches(For(Media("song"))).Should().BeFalse();

    [Fact]
    public void Matches_CatastrophicBacktracking_ReturnsFalseAfterTimeout()
    {
        var trigger = new RegexTrigger(@"^(\w+\s?)*$", TimeSpan.FromMilliseconds(20));
        var text = string.Concat(Enumerable.Repeat("word ", 40)) + "!";

        // The input really is pathological: matching it directly gives up on the timeout.
        var direct = () => trigger.Regex.IsMatch(text);
        direct.Should().Throw<RegexMatchTimeoutException>();

        var watch = Stopwatch.StartNew();
        var matched = trigger.Matches(For(Message("troll", text)));
        watch.Stop();

        matched.Should().BeFalse();
        // Without the timeout this input takes hours; a generous ceiling only proves it gave up.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Constructor_NoTimeoutGiven_Uses50Milliseconds()
    {
        var trigger = new RegexTrigger("a");

        trigger.MatchTimeout.Should().Be(TimeSpan.FromMilliseconds(50));
        trigger.Regex.MatchTimeout.Should().Be(TimeSpan.FromMilliseconds(50));
    }

    [Theory]
    [InlineData("(unclosed")]
    [InlineData("[a-")]
    [InlineData("*oops")]
    public void Constructor_InvalidPattern_ThrowsConfigurationExceptionNamingPattern(string pattern)
    {
        var act = () => new RegexTrigger(pattern);

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Contain("Pattern").And.Contain(pattern);
    }
}
