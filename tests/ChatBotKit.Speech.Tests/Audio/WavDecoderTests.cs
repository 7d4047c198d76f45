using System.Buffers.Binary;
using System.Text;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Tests.Fakes;

namespace ChatBotKit.Speech.Tests.Audio;

public class WavDecoderTests
{
    [Fact]
    public void Decode_PlaceholderSizesAsEspeakWrites_ReadsToTheEnd()
    {
        var wav = WavEncoder.Encode(Tone.Make(440, TimeSpan.FromMilliseconds(100)));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), 0x7FFFF024);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), 0x7FFFF000);

        var audio = WavDecoder.Decode(wav, "espeak-ng");

        audio.SampleRate.Should().Be(Tone.SampleRate);
        audio.Samples.Length.Should().Be(800);
    }

    [Fact]
    public void Decode_RealSizeWithFewerBytes_SaysTheAudioWasCut()
    {
        var wav = WavEncoder.Encode(Tone.Make(440, TimeSpan.FromMilliseconds(100)));

        var decode = () => WavDecoder.Decode(wav.AsSpan(0, 700), "the server");

        decode.Should().Throw<SpeechException>().WithMessage("the server cut the audio short: 656 of 1600 bytes arrived.");
    }

    [Fact]
    public void Decode_HtmlPage_SaysItIsHtmlAndWhatToCheck()
    {
        var decode = () => WavDecoder.Decode(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Not found</body></html>"), "the server");

        decode.Should().Throw<SpeechException>().WithMessage("*HTML page*base URL*");
    }

    [Fact]
    public void Decode_Stereo_MixesDownToMono()
    {
        var wav = WavEncoder.Encode(new PcmAudio(8000, new short[] { 100, 300, -200, -400 }));
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 2);

        var audio = WavDecoder.Decode(wav, "x");

        audio.Samples.ToArray().Should().Equal(200, -300);
    }
}
