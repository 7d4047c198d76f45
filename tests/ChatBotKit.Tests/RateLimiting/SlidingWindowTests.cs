using ChatBotKit.RateLimiting;

namespace ChatBotKit.Tests.RateLimiting;

public sealed class SlidingWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DelayUntilBelow_UnderTheLimit_IsZero()
    {
        var window = new SlidingWindow(TimeSpan.FromSeconds(30), 20);
        window.Add(Start);

        window.DelayUntilBelow(2, Start).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void DelayUntilBelow_AtTheLimit_WaitsUntilTheOldestCountedLeaves()
    {
        var window = new SlidingWindow(TimeSpan.FromSeconds(30), 3);
        window.Add(Start);
        window.Add(Start.AddSeconds(5));
        window.Add(Start.AddSeconds(10));

        window.DelayUntilBelow(3, Start.AddSeconds(12)).Should().Be(TimeSpan.FromSeconds(18));
        window.DelayUntilBelow(2, Start.AddSeconds(12)).Should().Be(TimeSpan.FromSeconds(23), "with a limit of 2 the second oldest must leave as well");
        window.DelayUntilBelow(3, Start.AddSeconds(30)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void DelayUntilBelow_ASmallerLimitThanTheCapacity_CountsOnlyTheNewest()
    {
        var window = new SlidingWindow(TimeSpan.FromSeconds(30), 100);
        for (var i = 0; i < 20; i++)
        {
            window.Add(Start.AddSeconds(i));
        }

        window.DelayUntilBelow(20, Start.AddSeconds(20)).Should().Be(TimeSpan.FromSeconds(10));
        window.DelayUntilBelow(100, Start.AddSeconds(20)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Arguments_OutOfRange_AreRefused()
    {
        var create = () => new SlidingWindow(TimeSpan.Zero, 1);
        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("length");
        var window = new SlidingWindow(TimeSpan.FromSeconds(1), 5);
        window.Invoking(w => w.DelayUntilBelow(6, Start)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limit");
    }
}
