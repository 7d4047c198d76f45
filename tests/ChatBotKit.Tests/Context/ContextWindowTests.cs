using ChatBotKit.Context;
using ChatBotKit.Time;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Context;

public sealed class ContextWindowTests
{
    private readonly VirtualClock _clock = new(Start);

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Snapshot_FewerLinesThanCapacity_OldestFirst()
    {
        var window = new ContextWindow(5, TimeSpan.FromMinutes(30));
        Add(window, "a", "b", "c");

        Texts(window).Should().Equal("a", "b", "c");
        window.Count.Should().Be(3);
    }

    [Fact]
    public void Add_PastCapacity_PushesOutTheOldest()
    {
        var window = new ContextWindow(3, TimeSpan.FromMinutes(30));
        Add(window, "1", "2", "3", "4", "5");

        Texts(window).Should().Equal("3", "4", "5");
        window.Count.Should().Be(3);
        window.Capacity.Should().Be(3);
    }

    [Fact]
    public void Add_ManyTimesAroundTheRing_KeepsOrder()
    {
        var window = new ContextWindow(4, TimeSpan.FromMinutes(30));
        for (var i = 0; i < 103; i++)
        {
            window.Add(Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Texts(window).Should().Equal("99", "100", "101", "102");
    }

    [Fact]
    public void Snapshot_LinesOlderThanMaxAge_Dropped()
    {
        var window = new ContextWindow(10, TimeSpan.FromMinutes(30));
        window.Add(Line("old"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        window.Add(Line("newer"));

        _clock.Advance(TimeSpan.FromMinutes(20));
        Texts(window).Should().Equal("old", "newer");

        _clock.Advance(TimeSpan.FromTicks(1));
        Texts(window).Should().Equal("newer");
        window.Count.Should().Be(1);
    }

    [Fact]
    public void Add_AfterMaxAge_DropsExpiredLines()
    {
        var window = new ContextWindow(10, TimeSpan.FromMinutes(30));
        window.Add(Line("old"));
        _clock.Advance(TimeSpan.FromMinutes(31));

        window.Add(Line("new"));

        window.Count.Should().Be(1);
        Texts(window).Should().Equal("new");
    }

    [Fact]
    public void Snapshot_InfiniteMaxAge_KeepsLinesUntilPushedOut()
    {
        var window = new ContextWindow(2, Timeout.InfiniteTimeSpan);
        window.Add(Line("ancient"));
        _clock.Advance(TimeSpan.FromDays(365));

        Texts(window).Should().Equal("ancient");
    }

    [Fact]
    public void RemoveUser_ViewerLines_RemovedInAnyCaseKeepingOthersInOrder()
    {
        var window = new ContextWindow(10, TimeSpan.FromMinutes(30));
        window.Add(Line("a1", user: "alice"));
        window.Add(Line("b1", user: "bob"));
        window.Add(Line("a2", user: "Alice"));
        window.Add(Line("k1", user: "kit", fromBot: true));
        window.Add(Line("b2", user: "bob"));

        window.RemoveUser("ALICE").Should().Be(2);

        Texts(window).Should().Equal("b1", "k1", "b2");
    }

    [Fact]
    public void RemoveUser_BotLines_NeverRemoved()
    {
        var window = new ContextWindow(10, TimeSpan.FromMinutes(30));
        window.Add(Line("bot says hi", user: "kit", fromBot: true));
        window.Add(Line("viewer named like the bot", user: "kit"));

        window.RemoveUser("kit").Should().Be(1);

        Texts(window).Should().Equal("bot says hi");
    }

    [Fact]
    public void RemoveUser_AfterWrapping_KeepsOrderAndLaterAddsWork()
    {
        var window = new ContextWindow(4, TimeSpan.FromMinutes(30));
        window.Add(Line("1", user: "bob"));
        window.Add(Line("2", user: "alice"));
        window.Add(Line("3", user: "bob"));
        window.Add(Line("4", user: "alice"));
        window.Add(Line("5", user: "bob"));
        window.Add(Line("6", user: "alice"));

        window.RemoveUser("alice").Should().Be(2);
        window.Add(Line("7", user: "carol"));
        window.Add(Line("8", user: "carol"));
        window.Add(Line("9", user: "carol"));

        Texts(window).Should().Equal("5", "7", "8", "9");
    }

    [Fact]
    public void RemoveUser_UnknownUser_RemovesNothing()
    {
        var window = new ContextWindow(10, TimeSpan.FromMinutes(30));
        Add(window, "a", "b");

        window.RemoveUser("nobody").Should().Be(0);

        Texts(window).Should().Equal("a", "b");
    }

    [Fact]
    public void RemoveMessage_KnownId_RemovesOnlyThatLine()
    {
        var window = new ContextWindow(10, TimeSpan.FromMinutes(30));
        window.Add(Line("keep", id: "m1"));
        window.Add(Line("spoiler", id: "m2"));
        window.Add(Line("keep too", id: "m3"));

        window.RemoveMessage("m2").Should().Be(1);

        Texts(window).Should().Equal("keep", "keep too");
    }

    [Fact]
    public void RemoveMessage_IdDiffersInCase_RemovesNothing()
    {
        var window = new ContextWindow(10, TimeSpan.FromMinutes(30));
        window.Add(Line("text", id: "AbC"));

        window.RemoveMessage("abc").Should().Be(0);
        window.Count.Should().Be(1);
    }

    [Fact]
    public void Reconfigure_Smaller_KeepsTheNewestLines()
    {
        var window = new ContextWindow(5, TimeSpan.FromMinutes(30));
        Add(window, "1", "2", "3", "4", "5", "6");

        window.Reconfigure(3, TimeSpan.FromMinutes(30));

        window.Capacity.Should().Be(3);
        Texts(window).Should().Equal("4", "5", "6");
        window.Add(Line("7"));
        Texts(window).Should().Equal("5", "6", "7");
    }

    [Fact]
    public void Reconfigure_Larger_KeepsEverythingAndGrows()
    {
        var window = new ContextWindow(3, TimeSpan.FromMinutes(30));
        Add(window, "1", "2", "3", "4");

        window.Reconfigure(5, TimeSpan.FromMinutes(30));
        Add(window, "5", "6", "7");

        Texts(window).Should().Equal("3", "4", "5", "6", "7");
    }

    [Fact]
    public void Reconfigure_ShorterMaxAge_AppliesToExistingLines()
    {
        var window = new ContextWindow(5, TimeSpan.FromMinutes(30));
        window.Add(Line("old"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        window.Add(Line("new"));

        window.Reconfigure(5, TimeSpan.FromMinutes(5));

        window.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
        Texts(window).Should().Equal("new");
    }

    [Fact]
    public void Snapshot_LaterChanges_DoNotAffectTheCopy()
    {
        var window = new ContextWindow(2, TimeSpan.FromMinutes(30));
        Add(window, "a", "b");

        var snapshot = window.Snapshot(Now);
        window.Add(Line("c"));
        window.RemoveUser("alice");

        snapshot.Select(e => e.Text).Should().Equal("a", "b");
        window.Snapshot(Now).Should().NotBeSameAs(snapshot);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_CapacityBelowOne_Throws(int capacity)
    {
        var act = () => new ContextWindow(capacity, TimeSpan.FromMinutes(30));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Reconfigure_CapacityBelowOne_ThrowsAndKeepsLines()
    {
        var window = new ContextWindow(2, TimeSpan.FromMinutes(30));
        Add(window, "a");

        var act = () => window.Reconfigure(0, TimeSpan.FromMinutes(30));

        act.Should().Throw<ArgumentOutOfRangeException>();
        Texts(window).Should().Equal("a");
    }

    private void Add(ContextWindow window, params string[] texts)
    {
        foreach (var text in texts)
        {
            window.Add(Line(text));
        }
    }

    private ContextEntry Line(string text, string user = "alice", string? id = null, bool fromBot = false) =>
        new(id, user, user, text, Now, fromBot);

    private string[] Texts(ContextWindow window) => [.. window.Snapshot(Now).Select(e => e.Text)];

    [Fact]
    public void Add_MaxAgeOfTimeSpanMaxValue_KeepsLinesWithoutOverflowing()
    {
        var window = new ContextWindow(3, TimeSpan.MaxValue);

        window.Add(new ContextEntry("m1", "u", "U", "hi", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), FromBot: false));

        window.Snapshot(DateTimeOffset.MaxValue).Should().ContainSingle();
    }
}
