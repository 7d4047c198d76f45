using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.LipSync;
using ChatBotKit.Speech.Tests.Fakes;

namespace ChatBotKit.Speech.Tests.Audio;

public class MouthEnvelopeTests
{
    [Fact]
    public void Measure_SilenceQuietAndLoud_LevelsPer20MsScaledToTheLoudest()
    {
        var silence = new short[1600];
        var quiet = Tone.Make(300, TimeSpan.FromMilliseconds(200), amplitude: 0.1).Samples.ToArray();
        var loud = Tone.Make(300, TimeSpan.FromMilliseconds(200), amplitude: 0.8).Samples.ToArray();
        var audio = new PcmAudio(Tone.SampleRate, silence.Concat(quiet).Concat(loud).ToArray());

        var envelope = MouthMeter.Measure(audio);

        envelope.Levels.Should().HaveCount(30);
        envelope.Levels[1].Offset.Should().Be(TimeSpan.FromMilliseconds(20));
        envelope.LevelAt(TimeSpan.FromMilliseconds(100)).Should().Be(0);
        envelope.LevelAt(TimeSpan.FromMilliseconds(300)).Should().BeApproximately(0.125f, 0.01f);
        envelope.LevelAt(TimeSpan.FromMilliseconds(500)).Should().BeApproximately(1f, 0.01f);
        envelope.LevelAt(TimeSpan.FromSeconds(1)).Should().Be(0);
    }
}
