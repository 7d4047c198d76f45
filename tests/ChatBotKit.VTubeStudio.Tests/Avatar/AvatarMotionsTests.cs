using ChatBotKit.Time;

namespace ChatBotKit.VTubeStudio.Tests.Avatar;

public sealed class AvatarMotionsTests : IAsyncLifetime
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(2);
    private readonly VirtualClock _clock = new();
    private readonly RecordingDriver _driver = new();
    private AvatarMotions _motions = null!;

    public Task InitializeAsync()
    {
        _motions = new AvatarMotions(_driver, _clock) { Capacity = 3 };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _motions.DisposeAsync();

    [Fact]
    public async Task Play_WhileOneRuns_WaitsForItsEndAndGoesByPriority()
    {
        _motions.Play(Motion("wave"));
        (await _driver.NextAsync()).Should().Equal("play wave");
        _motions.Play(Motion("nod"), priority: 0);
        _motions.Play(Motion("bow"), priority: 5);
        _motions.Play(Motion("spin"), priority: 0);
        _driver.HasMore.Should().BeFalse("nothing starts while wave still plays");

        _clock.Advance(Length);
        (await _driver.NextAsync()).Should().Equal("play bow");
        _clock.Advance(Length);
        (await _driver.NextAsync()).Should().Equal("play nod");
        _clock.Advance(Length);
        (await _driver.NextAsync()).Should().Equal("play spin");
    }

    [Fact]
    public async Task Play_Loop_RepeatsUntilSomethingElseWaitsThenResumes()
    {
        _motions.Play(Motion("idle"), loop: true);
        (await _driver.NextAsync()).Should().Equal("play idle");
        _clock.Advance(Length);
        (await _driver.NextAsync()).Should().Equal("play idle");

        _motions.Play(Motion("wave"));
        _clock.Advance(Length);
        (await _driver.NextAsync()).Should().Equal("play wave");
        _clock.Advance(Length);
        (await _driver.NextAsync()).Should().Equal("play idle");

        _motions.StopLoop();
        _clock.Advance(Length);
        _motions.Play(Motion("bow"));
        (await _driver.NextAsync()).Should().Equal("play bow");
    }

    [Fact]
    public async Task Play_QueueFull_DropsTheNewMotion()
    {
        _motions.Play(Motion("wave"));
        (await _driver.NextAsync()).Should().Equal("play wave");

        var accepted = Enumerable.Range(0, 4).Select(i => _motions.Play(Motion($"m{i}"))).ToList();

        accepted.Should().Equal(true, true, true, false);
        _motions.Waiting.Should().Be(3);
    }

    private static AvatarMotion Motion(string name) => new(name, name + "Hotkey", Length);
}
