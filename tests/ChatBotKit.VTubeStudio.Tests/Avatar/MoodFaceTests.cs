using ChatBotKit.Prompting;
using ChatBotKit.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.VTubeStudio.Tests.Avatar;

public sealed class MoodFaceTests
{
    private readonly VirtualClock _clock = new();
    private readonly List<string> _shown = [];
    private int _cleared;

    [Fact]
    public async Task Checks_MoodRisesAndRelaxes_TheFaceFollowsOnVirtualTime()
    {
        var mood = new BotMood(timeProvider: _clock);
        await using var face = Face(mood, (emotion, _) => Task.FromResult(emotion != "neutral"));

        await CheckAsync(face, TimeSpan.Zero);
        mood.Nudge(new Mood(0.4, 0.6));
        await CheckAsync(face, TimeSpan.FromSeconds(5));
        await CheckAsync(face, TimeSpan.FromMinutes(2));
        await CheckAsync(face, TimeSpan.FromMinutes(30));

        _shown.Should().Equal("neutral", "excited", "happy", "neutral");
        _cleared.Should().Be(2, "neutral has no expression, so the mood's layer is cleared");
        face.Shown.Should().Be("neutral");
    }

    [Fact]
    public async Task Checks_VTubeStudioNotConnected_TriesAgainAtTheNextCheck()
    {
        var failures = 1;
        await using var face = Face(new BotMood(timeProvider: _clock), (emotion, _) =>
            failures-- > 0 ? throw new VTubeStudioException("VTube Studio is not connected.") : Task.FromResult(true));

        await CheckAsync(face, TimeSpan.Zero);
        face.Shown.Should().BeNull();
        await CheckAsync(face, TimeSpan.FromSeconds(5));

        face.Shown.Should().Be("neutral");
    }

    private MoodFace Face(BotMood mood, Func<string, CancellationToken, Task<bool>> show) =>
        new(mood, (emotion, ct) =>
        {
            _shown.Add(emotion);
            return show(emotion, ct);
        }, () => _cleared++, _clock, TimeSpan.FromSeconds(5), NullLogger.Instance);

    private async Task CheckAsync(MoodFace face, TimeSpan advance)
    {
        _clock.Advance(advance);
        await face.WhenCheckedAsync();
    }
}
