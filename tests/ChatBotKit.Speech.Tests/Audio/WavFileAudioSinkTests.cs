using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Tests.Fakes;

namespace ChatBotKit.Speech.Tests.Audio;

public sealed class WavFileAudioSinkTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"speech-wav-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Utterances_EachGetANumberedFileThatDecodes_AndANewSinkContinuesTheNumbers()
    {
        await using (var sink = new WavFileAudioSink(_folder))
        {
            await PlayAsync(sink, Tone.Make(300, TimeSpan.FromMilliseconds(100)));
            await PlayAsync(sink, Tone.Make(500, TimeSpan.FromMilliseconds(250)));
        }

        await using (var later = new WavFileAudioSink(_folder))
        {
            await PlayAsync(later, Tone.Make(700, TimeSpan.FromMilliseconds(50)));
        }

        Directory.GetFiles(_folder).Select(Path.GetFileName).Order().Should().Equal("utterance-0001.wav", "utterance-0002.wav", "utterance-0003.wav");
        var second = WavDecoder.Decode(await File.ReadAllBytesAsync(Path.Combine(_folder, "utterance-0002.wav")), "file");
        second.Duration.Should().Be(TimeSpan.FromMilliseconds(250));
        Tone.FrequencyOf(second.Samples.ToArray(), second.SampleRate).Should().BeApproximately(500, 5);
    }

    private static async Task PlayAsync(IAudioSink sink, PcmAudio audio)
    {
        await sink.BeginUtteranceAsync(audio.SampleRate);
        await sink.WriteAsync(audio.Samples[..(audio.Samples.Length / 2)]);
        await sink.WriteAsync(audio.Samples[(audio.Samples.Length / 2)..]);
        await sink.EndUtteranceAsync();
    }
}
