using ChatBotKit.Speech.Health;
using ChatBotKit.Time;

namespace ChatBotKit.Speech.Tests.Pipeline;

public class SpeechHealthTrackerTests
{
    private readonly VirtualClock _clock = new();

    [Theory]
    [InlineData(4, 0, 0.5, SpeechHealthLevel.Unknown)]
    [InlineData(10, 0, 0.5, SpeechHealthLevel.Healthy)]
    [InlineData(10, 1, 0.5, SpeechHealthLevel.Warning)]
    [InlineData(10, 3, 0.5, SpeechHealthLevel.Critical)]
    [InlineData(10, 0, 2.5, SpeechHealthLevel.Warning)]
    [InlineData(10, 0, 6.0, SpeechHealthLevel.Critical)]
    public void Snapshot_ErrorRateAndLatency_GiveSeed004sLevels(int phrases, int failures, double latencySeconds, SpeechHealthLevel expected)
    {
        var tracker = new SpeechHealthTracker(_clock);
        for (var i = 0; i < phrases; i++)
        {
            tracker.PhraseSynthesised(succeeded: i >= failures);
        }

        tracker.FirstAudio(TimeSpan.FromSeconds(latencySeconds));

        tracker.Snapshot().Level.Should().Be(expected);
    }

    [Fact]
    public void Snapshot_AfterFiveQuietMinutes_ForgetsOldFailures()
    {
        var tracker = new SpeechHealthTracker(_clock);
        for (var i = 0; i < 10; i++)
        {
            tracker.PhraseSynthesised(succeeded: false);
        }

        _clock.Advance(TimeSpan.FromMinutes(6));

        tracker.Snapshot().Should().Be(new SpeechHealth(SpeechHealthLevel.Unknown, 0, 0, null));
    }
}
