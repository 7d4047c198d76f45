using System.Buffers.Binary;
using System.Text;

namespace ChatBotKit.Speech.Audio;

/// <summary>
/// Reads a RIFF/WAVE file of 16-bit PCM into mono <see cref="PcmAudio"/>. Streamed WAV (espeak-ng's
/// <c>--stdout</c>, servers that stream) carries placeholder sizes, so a size that runs past the
/// end means "to the end"; a real size with fewer bytes behind it means the audio was cut short.
/// </summary>
internal static class WavDecoder
{
    private const uint StreamedSize = 0x7FFFF000;

    public static PcmAudio Decode(ReadOnlySpan<byte> wav, string source)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new SpeechException($"{source} did not return WAV audio ({Describe(wav)}).");
        }

        int channels = 0, sampleRate = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 16 <= wav.Length)
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 2, 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 14, 2));
                if (format != 1 || bits != 16 || channels is < 1 or > 8 || sampleRate <= 0)
                {
                    throw new SpeechException($"{source} returned WAV audio that is not 16-bit PCM (format {format}, {bits} bits, {channels} channels).");
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0)
                {
                    throw new SpeechException($"{source} returned WAV audio without a format chunk before its data.");
                }

                var available = wav.Length - body;
                var streamed = size >= StreamedSize;
                if (!streamed && size > available)
                {
                    throw new SpeechException($"{source} cut the audio short: {available} of {size} bytes arrived.");
                }

                var length = streamed ? available : (int)size;
                return new PcmAudio(sampleRate, ToMono(wav.Slice(body, length - (length % (2 * channels))), channels));
            }

            offset = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }

        throw new SpeechException($"{source} returned WAV audio without a data chunk.");
    }

    private static short[] ToMono(ReadOnlySpan<byte> data, int channels)
    {
        var frames = data.Length / (2 * channels);
        var samples = new short[frames];
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += BinaryPrimitives.ReadInt16LittleEndian(data.Slice(((frame * channels) + channel) * 2, 2));
            }

            samples[frame] = (short)(sum / channels);
        }

        return samples;
    }

    private static string Describe(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "the response was empty";
        }

        var start = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 256)]).TrimStart();
        return start.StartsWith('<')
            ? "it answered with an HTML page; check that the base URL is the API root, such as http://host:8880/v1"
            : start.StartsWith('{') ? "it answered with JSON instead of audio" : $"{body.Length} bytes that are not a RIFF/WAVE file";
    }
}
