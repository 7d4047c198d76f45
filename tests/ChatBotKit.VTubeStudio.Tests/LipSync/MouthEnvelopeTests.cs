using ChatBotKit.Speech;
using ChatBotKit.Time;

namespace ChatBotKit.VTubeStudio.Tests.LipSync;

public sealed class MouthEnvelopeTests
{
    [Fact]
    public void LevelAt_HoldsEachSampleUntilTheNextAndClosesAtTheEnd()
    {
        var envelope = MouthEnvelope.FromLevels([0.2f, 1.5f, -1f, float.NaN], TimeSpan.FromMilliseconds(20));

        envelope.Duration.Should().Be(TimeSpan.FromMilliseconds(80));
        envelope.LevelAt(TimeSpan.Zero).Should().Be(0.2f);
        envelope.LevelAt(TimeSpan.FromMilliseconds(39)).Should().Be(1f, "levels are clamped to 0–1");
        envelope.LevelAt(TimeSpan.FromMilliseconds(40)).Should().Be(0f);
        envelope.LevelAt(TimeSpan.FromMilliseconds(79)).Should().Be(0f, "NaN counts as closed");
        envelope.LevelAt(TimeSpan.FromMilliseconds(80)).Should().Be(0f);
    }

    [Fact]
    public void Frames_UnchangedLevel_IsSentAgainWithin500Milliseconds()
    {
        var clock = new VirtualClock();
        var envelope = new MouthEnvelope([new(TimeSpan.Zero, 0.6f)], TimeSpan.FromSeconds(3));
        var frames = new MouthFrames(envelope, new LipSyncOptions(), clock, clock.GetTimestamp());
        var sentAt = new List<TimeSpan>();
        var start = clock.GetTimestamp();

        while (!frames.Over)
        {
            if (frames.Next() is { } level)
            {
                level.Should().BeApproximately(0.6, 1e-6);
                sentAt.Add(clock.GetElapsedTime(start));
            }

            clock.Advance(TimeSpan.FromSeconds(1 / 30.0));
        }

        sentAt.Should().HaveCountGreaterThanOrEqualTo(6);
        sentAt.Zip(sentAt.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap <= TimeSpan.FromMilliseconds(500) && gap >= TimeSpan.FromMilliseconds(400));
    }
}
