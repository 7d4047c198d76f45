using ChatBotKit.Time;

namespace ChatBotKit.VTubeStudio.Tests.Avatar;

public sealed class AvatarExpressionsTests : IAsyncLifetime
{
    private static readonly AvatarExpression Neutral = AvatarExpression.FromFile("neutral", "neutral.exp3.json");
    private static readonly AvatarExpression Happy = AvatarExpression.FromFile("happy", "happy.exp3.json");
    private static readonly AvatarExpression Sad = AvatarExpression.FromHotkey("sad", "SadToggle");
    private readonly VirtualClock _clock = new();
    private readonly RecordingDriver _driver = new();
    private AvatarExpressions _expressions = null!;

    public Task InitializeAsync()
    {
        _expressions = new AvatarExpressions(_driver, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _expressions.DisposeAsync();

    [Fact]
    public async Task Show_HigherPriorityForADuration_OverridesThenThePreviousReturns()
    {
        _expressions.Show(Neutral);
        (await _driver.NextAsync()).Should().Equal("on neutral");

        _expressions.Show(Happy, priority: 2, TimeSpan.FromSeconds(5));
        (await _driver.NextAsync(2)).Should().Equal("on happy", "off neutral");

        _clock.Advance(TimeSpan.FromSeconds(5));
        (await _driver.NextAsync(2)).Should().Equal("on neutral", "off happy");
        _expressions.Current.Should().Be(Neutral);
    }

    [Fact]
    public async Task Show_LowerPriorityWhileAHigherShows_WaitsBeneathAndShowsIfStillDue()
    {
        _expressions.Show(Happy, priority: 2, TimeSpan.FromSeconds(5));
        (await _driver.NextAsync()).Should().Equal("on happy");

        _expressions.Show(Sad, priority: 1, TimeSpan.FromSeconds(8));
        _expressions.Current.Should().Be(Happy, "a lower priority never overrides a higher one");

        _clock.Advance(TimeSpan.FromSeconds(5));
        (await _driver.NextAsync(2)).Should().Equal("on sad", "off happy");

        _clock.Advance(TimeSpan.FromSeconds(3));
        (await _driver.NextAsync()).Should().Equal("off sad");
        _expressions.Current.Should().BeNull();
    }

    [Fact]
    public async Task Show_SamePriority_ReplacesAndItsOldTimerNoLongerCounts()
    {
        _expressions.Show(Happy, priority: 1, TimeSpan.FromSeconds(2));
        (await _driver.NextAsync()).Should().Equal("on happy");
        _expressions.Show(Sad, priority: 1, TimeSpan.FromSeconds(10));
        (await _driver.NextAsync(2)).Should().Equal("on sad", "off happy");

        _clock.Advance(TimeSpan.FromSeconds(2));
        _expressions.Current.Should().Be(Sad, "the replaced expression's expiry must not end the new one");

        _clock.Advance(TimeSpan.FromSeconds(8));
        (await _driver.NextAsync()).Should().Equal("off sad");
    }

    [Fact]
    public async Task Clear_TheShownPriority_ThePreviousReturnsAtOnce()
    {
        _expressions.Show(Neutral);
        _expressions.Show(Happy, priority: 3);
        (await _driver.NextAsync()).Should().Equal("on happy");

        _expressions.Clear(3);

        (await _driver.NextAsync(2)).Should().Equal("on neutral", "off happy");
    }
}
