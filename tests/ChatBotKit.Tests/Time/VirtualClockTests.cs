using ChatBotKit.Time;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Time;

public sealed class VirtualClockTests
{
    private readonly VirtualClock _clock = new(Start);

    [Fact]
    public void Constructor_NoStart_Starts2026UtcMidnight()
    {
        new VirtualClock().GetUtcNow().Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        new VirtualClock().LocalTimeZone.Should().Be(TimeZoneInfo.Utc);
    }

    [Fact]
    public void GetUtcNow_NotAdvanced_StaysPut()
    {
        var first = _clock.GetUtcNow();
        Thread.Sleep(20);

        _clock.GetUtcNow().Should().Be(first).And.Be(Start);
    }

    [Fact]
    public void Advance_Delta_MovesTimeAndTimestamps()
    {
        var before = _clock.GetTimestamp();

        _clock.Advance(TimeSpan.FromSeconds(90));

        _clock.GetUtcNow().Should().Be(Start.AddSeconds(90));
        _clock.GetElapsedTime(before).Should().Be(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        var act = () => _clock.Advance(TimeSpan.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
        _clock.GetUtcNow().Should().Be(Start);
    }

    [Fact]
    public void AdvanceTo_Past_LeavesTimeWhereItIs()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));

        _clock.AdvanceTo(Start);

        _clock.GetUtcNow().Should().Be(Start.AddMinutes(5));
    }

    [Fact]
    public void Advance_PastSeveralTimers_FiresThemInTimeOrderAtTheirDueTimes()
    {
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = _clock.CreateTimer(_ => fired.Add(("late", _clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = _clock.CreateTimer(_ => fired.Add(("early", _clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var middle = _clock.CreateTimer(_ => fired.Add(("middle", _clock.GetUtcNow())), null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromMinutes(1));

        fired.Should().Equal(
            ("early", Start.AddSeconds(10)),
            ("middle", Start.AddSeconds(20)),
            ("late", Start.AddSeconds(30)));
        _clock.GetUtcNow().Should().Be(Start.AddMinutes(1));
    }

    [Fact]
    public void Advance_NotYetDue_DoesNotFire()
    {
        var count = 0;
        using var timer = _clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(9));
        count.Should().Be(0);

        _clock.Advance(TimeSpan.FromSeconds(1));
        count.Should().Be(1);

        _clock.Advance(TimeSpan.FromHours(1));
        count.Should().Be(1, "a one-shot timer fires once");
    }

    [Fact]
    public void Advance_PeriodicTimer_ReArmsAndFiresEachPeriod()
    {
        var times = new List<DateTimeOffset>();
        using var timer = _clock.CreateTimer(_ => times.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(36));

        times.Should().Equal(Start.AddSeconds(5), Start.AddSeconds(15), Start.AddSeconds(25), Start.AddSeconds(35));
    }

    [Fact]
    public void Advance_Timer_PassesItsState()
    {
        object? seen = null;
        var state = new object();
        using var timer = _clock.CreateTimer(s => seen = s, state, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(1));

        seen.Should().BeSameAs(state);
    }

    [Fact]
    public void Change_Infinite_StopsTheTimer()
    {
        var count = 0;
        using var timer = _clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromMinutes(1));

        count.Should().Be(2);
    }

    [Fact]
    public void Change_NewDueTime_CountsFromNow()
    {
        var times = new List<DateTimeOffset>();
        using var timer = _clock.CreateTimer(_ => times.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromSeconds(5));

        timer.Change(TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromMinutes(1));

        times.Should().Equal(Start.AddSeconds(25));
    }

    [Fact]
    public void Dispose_PendingTimer_NeverFires()
    {
        var count = 0;
        var timer = _clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(1));

        count.Should().Be(0);
    }

    [Fact]
    public void Advance_CallbackDisposesItsTimer_StopsRepeating()
    {
        var count = 0;
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ =>
        {
            count++;
            timer!.Dispose();
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromMinutes(1));

        count.Should().Be(1);
    }

    [Fact]
    public void Advance_CallbackCreatesTimerDueWithinTheAdvance_FiresItToo()
    {
        var times = new List<DateTimeOffset>();
        using var outer = _clock.CreateTimer(
            _ => _clock.CreateTimer(_ => times.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan),
            null,
            TimeSpan.FromSeconds(10),
            Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(20));

        times.Should().Equal(Start.AddSeconds(15));
    }

    [Fact]
    public void Advance_TimeSeenByCallbacks_NeverGoesBackwards()
    {
        var times = new List<DateTimeOffset>();
        using var a = _clock.CreateTimer(_ => times.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        using var b = _clock.CreateTimer(_ => times.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7));

        _clock.Advance(TimeSpan.FromMinutes(1));
        _clock.AdvanceTo(Start);

        times.Should().HaveCount(20 + 8).And.BeInAscendingOrder();
        _clock.GetUtcNow().Should().Be(Start.AddMinutes(1));
    }

    [Fact]
    public async Task Delay_OnTheClock_CompletesOnlyWhenAdvanced()
    {
        var delay = Task.Delay(TimeSpan.FromSeconds(30), _clock);

        _clock.Advance(TimeSpan.FromSeconds(29));
        delay.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void CancellationTokenSource_OnTheClock_CancelsWhenAdvanced()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), _clock);

        _clock.Advance(TimeSpan.FromSeconds(9));
        cts.IsCancellationRequested.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(1));
        cts.IsCancellationRequested.Should().BeTrue();
    }
}
