using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Twitch.Tests.Parsing;

public sealed class RecentKeysTests
{
    [Fact]
    public void Add_SameKeyAgain_IsRefused()
    {
        var keys = new RecentKeys(4);

        keys.Add("a").Should().BeTrue();
        keys.Add("a".AsSpan()).Should().BeFalse();
        keys.Add("b").Should().BeTrue();
    }

    [Fact]
    public void Add_BeyondCapacity_ForgetsTheOldestFirst()
    {
        var keys = new RecentKeys(2);
        keys.Add("a");
        keys.Add("b");

        keys.Add("c").Should().BeTrue();

        keys.Add("b").Should().BeFalse(because: "b is still among the two most recent");
        keys.Add("a").Should().BeTrue(because: "a was the oldest and was forgotten");
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var keys = new RecentKeys(4);
        keys.Add("a");

        keys.Clear();

        keys.Add("a").Should().BeTrue();
    }
}
