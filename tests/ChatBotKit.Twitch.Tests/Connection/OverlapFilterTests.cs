using ChatBotKit.Time;
using ChatBotKit.Twitch.Connection;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Connection;

public class OverlapFilterTests
{
    private const string Chat = "@id=abc;tmi-sent-ts=1 :u!u@u.tmi.twitch.tv PRIVMSG #c :hi";
    private const string Join = ":u!u@u.tmi.twitch.tv JOIN #c";
    private readonly VirtualClock _clock = new();
    private readonly OverlapFilter _filter = new();

    [Fact]
    public void IsFirst_NoHandover_EveryCopyPasses()
    {
        First(Chat).Should().BeTrue();
        First(Chat).Should().BeTrue();
    }

    [Fact]
    public void IsFirst_DuringHandover_SecondCopyByIdOrWholeLineFiltered()
    {
        _filter.Begin();

        First(Chat).Should().BeTrue();
        First(Chat.Replace("tmi-sent-ts=1", "tmi-sent-ts=2", StringComparison.Ordinal)).Should().BeFalse("the id decides for tagged messages");
        First(Join).Should().BeTrue();
        First(Join).Should().BeFalse("a line without an id is keyed by its text");
    }

    [Fact]
    public void IsFirst_GraceOver_FilterForgetsAndLetsEverythingPass()
    {
        _filter.Begin();
        First(Chat).Should().BeTrue();
        _filter.EndAt(_clock.GetUtcNow() + TimeSpan.FromSeconds(30));

        First(Chat).Should().BeFalse("copies are still filtered in the grace period");
        _clock.Advance(TimeSpan.FromSeconds(30));
        First(Chat).Should().BeTrue();
        First(Chat).Should().BeTrue();
    }

    private bool First(string text) => _filter.IsFirst(IrcLine.Parse(text), _clock);
}
