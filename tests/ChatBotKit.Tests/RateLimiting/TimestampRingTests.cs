using ChatBotKit.RateLimiting;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.RateLimiting;

public sealed class TimestampRingTests
{
    [Fact]
    public void RetryAfter_FewerTimestampsThanLimit_IsZero()
    {
        var ring = new TimestampRing();
        ring.Add(Start, keep: 3);
        ring.Add(Start, keep: 3);

        ring.RetryAfter(3, TimeSpan.FromMinutes(1), Start).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void RetryAfter_LimitReached_WaitsForTheLimitThNewestToLeave()
    {
        var ring = new TimestampRing();
        for (var i = 0; i < 3; i++)
        {
            ring.Add(Start.AddSeconds(i * 10), keep: 3);
        }

        ring.RetryAfter(2, TimeSpan.FromMinutes(1), Start.AddSeconds(30)).Should().Be(TimeSpan.FromSeconds(40));
        ring.RetryAfter(3, TimeSpan.FromMinutes(1), Start.AddSeconds(30)).Should().Be(TimeSpan.FromSeconds(30));
        ring.RetryAfter(3, TimeSpan.FromMinutes(1), Start.AddSeconds(60)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Add_PastCapacity_KeepsTheNewest()
    {
        var ring = new TimestampRing();
        for (var i = 0; i < 10; i++)
        {
            ring.Add(Start.AddSeconds(i), keep: 4);
        }

        ring.Newest.Should().Be(Start.AddSeconds(9));
        ring.RetryAfter(4, TimeSpan.FromMinutes(1), Start.AddSeconds(9)).Should().Be(TimeSpan.FromSeconds(57));
        ring.RetryAfter(5, TimeSpan.FromMinutes(1), Start.AddSeconds(9)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Add_KeepGrowsAfterWrapping_KeepsOrder()
    {
        var ring = new TimestampRing();
        for (var i = 0; i < 6; i++)
        {
            ring.Add(Start.AddSeconds(i), keep: 4);
        }

        ring.Add(Start.AddSeconds(6), keep: 6);
        ring.Add(Start.AddSeconds(7), keep: 6);

        ring.Newest.Should().Be(Start.AddSeconds(7));
        // Holds 2..7 s: the four kept before growing, then the two added after.
        ring.RetryAfter(6, TimeSpan.FromMinutes(1), Start.AddSeconds(7)).Should().Be(TimeSpan.FromSeconds(55));
        ring.RetryAfter(7, TimeSpan.FromMinutes(1), Start.AddSeconds(7)).Should().Be(TimeSpan.Zero);
        ring.RetryAfter(1, TimeSpan.FromMinutes(1), Start.AddSeconds(7)).Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void AddClamped_PastMaxValue_StopsAtMaxValue()
    {
        TimestampRing.AddClamped(Start, TimeSpan.FromSeconds(5)).Should().Be(Start.AddSeconds(5));
        TimestampRing.AddClamped(Start, TimeSpan.MaxValue).Should().Be(DateTimeOffset.MaxValue);
        TimestampRing.AddClamped(DateTimeOffset.MinValue, TimeSpan.MaxValue).Should().Be(DateTimeOffset.MaxValue);
    }

    [Fact]
    public void Newest_Empty_IsMinValue() =>
        new TimestampRing().Newest.Should().Be(DateTimeOffset.MinValue);
}
